import * as z from 'zod';
import { instantSchema } from '../schemas/common';

export const UPLOAD_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic'] as const;
export const UPLOAD_MIN_BYTES = 1024;
export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

export const uploadRequestSchema = z.object({
  contentType: z.enum(UPLOAD_CONTENT_TYPES),
  /** Bytes after on-device compression. Limits are checked by the handler (413 above the maximum). */
  size: z.number().int().positive(),
});
export const uploadResponseSchema = z.object({
  /** POST target for wx.uploadFile: `url` with `fields` as formData, file field name "file". */
  url: z.string(),
  fields: z.record(z.string(), z.string()),
  key: z.string(),
  expiresAt: instantSchema,
  maxBytes: z.number(),
});
export type UploadResponse = z.infer<typeof uploadResponseSchema>;
