import { api as defaultApi, ApiError, type ApiClient } from './api';
import { compressPhoto, PhotoTooLargeError } from './photo-compress';
import { platform as defaultPlatform, NetworkError, type Platform } from './platform';
import { T } from '../texts';

export interface UploadedPhoto {
  key: string;
  size: number;
  /** The compressed local file: shown as the thumbnail. */
  localPath: string;
}

export interface PhotoUploadDeps {
  api?: Pick<ApiClient, 'call'>;
  platform?: Pick<Platform, 'imageInfo' | 'encodeJpeg' | 'uploadFile'>;
}

export type UploadStage = 'compressing' | 'uploading';

/**
 * One photo from the phone to S3: compressed on the device (≤ 2048 px, ≤ 500 KB, JPEG),
 * a presigned POST asked from the API, the file posted straight to the bucket.
 * Errors carry a Chinese message fit to show next to the photo.
 */
export async function uploadPhoto(
  localPath: string,
  onStage: (stage: UploadStage, progress: number) => void,
  deps: PhotoUploadDeps = {},
): Promise<UploadedPhoto> {
  const api = deps.api ?? defaultApi;
  const platform = deps.platform ?? defaultPlatform;

  onStage('compressing', 0);
  let compressed: { path: string; size: number };
  try {
    const info = await platform.imageInfo(localPath);
    compressed = await compressPhoto({ path: localPath, size: info.size }, info, (w, h, q) => platform.encodeJpeg(localPath, w, h, q));
  } catch (e) {
    if (e instanceof PhotoTooLargeError) throw new Error(T.photos.tooLarge, { cause: e });
    throw new Error(T.photos.unreadable, { cause: e });
  }

  onStage('uploading', 0);
  const form = await api.call('create-upload', { body: { contentType: 'image/jpeg', size: compressed.size } });
  let res;
  try {
    res = await platform.uploadFile(
      { url: form.url, path: compressed.path, fields: form.fields, fileName: 'photo.jpg', timeoutMs: 60_000 },
      (p) => onStage('uploading', Math.min(99, p)),
    );
  } catch (e) {
    if (e instanceof NetworkError) throw new ApiError(e.timedOut ? 'TIMEOUT' : 'NETWORK', e.timedOut ? T.network.timeout : T.network.offline, 0, { cause: e });
    throw e;
  }
  if (res.status < 200 || res.status >= 300) throw new ApiError(`UPLOAD_${res.status}`, T.photos.uploadFailed, res.status);
  onStage('uploading', 100);
  return { key: form.key, size: compressed.size, localPath: compressed.path };
}
