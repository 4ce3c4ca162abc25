import { defineRoute } from '../http/route';
import { DomainError } from '@gridtong/shared/errors';

const UPLOADS_PER_HOUR = 60;

export const handler = defineRoute('create-upload', async (req, rt) => {
  // Checked and signed first: a refused type or size costs no quota.
  const body = await rt.photos.presignUpload(req.principal.userId, req.body.contentType, req.body.size, req.now);
  const gate = await rt.rateLimits.take('upload', req.principal.userId, UPLOADS_PER_HOUR, 3600, req.now);
  if (!gate.allowed) {
    throw new DomainError('UPLOAD.RATE_LIMITED', '上传过于频繁，请稍后再试', { retryAfterSeconds: gate.retryAfterSeconds });
  }
  return { body };
});
