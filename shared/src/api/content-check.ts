import * as z from 'zod';

/** WeChat's message-push signature parameters; missing ones fail the signature check (401). */
export const callbackQuerySchema = z.object({
  signature: z.string().max(64).optional(),
  timestamp: z.string().max(16).optional(),
  nonce: z.string().max(64).optional(),
});
/** Read strictly only after the signature holds: a forger learns nothing from a 400. */
export const callbackBodySchema = z.record(z.string(), z.unknown());
/** WeChat expects "success" or an empty answer; we answer JSON like every route. */
export const callbackResponseSchema = z.object({ ok: z.literal(true) });

/** The verdict WeChat posts for a mediaCheckAsync request (event wxa_media_check, version 2). */
export const mediaCheckVerdictSchema = z.object({
  Event: z.literal('wxa_media_check'),
  trace_id: z.string().min(1).max(128),
  result: z.object({ suggest: z.enum(['pass', 'review', 'risky']), label: z.number().optional() }),
});
