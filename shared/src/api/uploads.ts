import * as z from 'zod';
import { instantSchema } from '../schemas/common';
import { UPLOAD_CONTENT_TYPES } from '../report/upload-policy';

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
