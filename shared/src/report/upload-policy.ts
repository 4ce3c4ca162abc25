import { DomainError } from '../errors';

/**
 * The photo upload policy: which images a phone may post straight to the bucket, how big,
 * under which key and for how long. The photo store only turns it into a presigned POST.
 */
export const UPLOAD_EXTENSIONS = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
} as const;
export type UploadContentType = keyof typeof UPLOAD_EXTENSIONS;
export const UPLOAD_CONTENT_TYPES = Object.keys(UPLOAD_EXTENSIONS) as [UploadContentType, ...UploadContentType[]];
export const UPLOAD_MIN_BYTES = 1024;
export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;
/** How long a presigned upload form stays usable. */
export const UPLOAD_POLICY_SECONDS = 5 * 60;
/** Fresh uploads: `uploads/<userId>/<id>.<ext>`; a case later copies what it uses under its own prefix. */
export const UPLOADS_PREFIX = 'uploads/';

export const uploadPrefix = (userId: string) => `${UPLOADS_PREFIX}${userId}/`;

export interface UploadGrant {
  key: string;
  contentType: string;
  /** Exactly this many bytes: the form cannot carry a different (or a later, larger) file. */
  size: number;
  validitySeconds: number;
  expiresAt: string;
}

/** What one upload may be: the caller's own key, the declared type and exact size, five minutes. Refuses other types and sizes. */
export function grantUpload(userId: string, contentType: string, size: number, id: string, now: Date): UploadGrant {
  const extension = (UPLOAD_EXTENSIONS as Record<string, string>)[contentType];
  if (!extension) throw new DomainError('UPLOAD.UNSUPPORTED_TYPE', '只支持 JPEG、PNG、WebP、HEIC 图片', { problems: [{ path: 'body.contentType', message: 'unsupported type' }] });
  if (size > UPLOAD_MAX_BYTES) {
    throw new DomainError('UPLOAD.TOO_LARGE', '图片不能超过 10 MB，请压缩后重试', { problems: [{ path: 'body.size', message: `max ${UPLOAD_MAX_BYTES}` }] });
  }
  if (size < UPLOAD_MIN_BYTES) {
    throw new DomainError('UPLOAD.TOO_SMALL', '图片太小或已损坏，请重新拍摄', { problems: [{ path: 'body.size', message: `min ${UPLOAD_MIN_BYTES}` }] });
  }
  return {
    key: `${uploadPrefix(userId)}${id}.${extension}`,
    contentType,
    size,
    validitySeconds: UPLOAD_POLICY_SECONDS,
    expiresAt: new Date(now.getTime() + UPLOAD_POLICY_SECONDS * 1000).toISOString(),
  };
}
