import { CopyObjectCommand, GetObjectCommand, HeadObjectCommand, NoSuchKey, NotFound, type S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { UploadResponse } from '@gridtong/shared/api/uploads';
import { grantUpload, uploadPrefix } from '@gridtong/shared/report/upload-policy';
import type { PhotoRef } from '@gridtong/shared/schemas/case';
import { DomainError } from '@gridtong/shared/errors';
import { bucketLayout } from './bucket-layout';
import { ulid } from './ids';

export const PHOTO_LINK_SECONDS = 10 * 60;

export const casePrefix = (caseId: string) => `${bucketLayout.casesPrefix}${caseId}/`;

/**
 * Photos go from the phone straight to S3 with a presigned POST policy (what
 * wx.uploadFile sends), never through a function. Links out are short-lived GETs.
 */
export class PhotoStore {
  constructor(
    /** Signs browser/phone-facing URLs (may point at a public endpoint). */
    private readonly signer: S3Client,
    /** Talks to S3 from the function. */
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async presignUpload(userId: string, contentType: string, size: number, now: Date): Promise<UploadResponse> {
    const grant = grantUpload(userId, contentType, size, ulid(now), now);
    const { url, fields } = await createPresignedPost(this.signer, {
      Bucket: this.bucket,
      Key: grant.key,
      Conditions: [
        ['content-length-range', grant.size, grant.size],
        ['eq', '$Content-Type', grant.contentType],
      ],
      Fields: { 'Content-Type': grant.contentType },
      Expires: grant.validitySeconds,
    });
    return { url, fields, key: grant.key, expiresAt: grant.expiresAt, maxBytes: grant.size };
  }

  /** Each photo must be the caller's own upload and must really be in the bucket. */
  async assertOwnedAndPresent(userId: string, photos: PhotoRef[]): Promise<void> {
    const prefix = uploadPrefix(userId);
    const foreign = photos.findIndex((p) => !p.key.startsWith(prefix));
    if (foreign >= 0) {
      throw new DomainError('CASE.PHOTO_NOT_OWNED', '照片不属于当前用户，请重新上传', { problems: [{ path: `body.photos.${foreign}.key`, message: 'not your upload' }] });
    }
    const unique = new Set(photos.map((p) => p.key));
    if (unique.size !== photos.length) {
      throw new DomainError('CASE.DUPLICATE_PHOTO', '同一张照片不能重复提交', { problems: [{ path: 'body.photos', message: 'duplicate key' }] });
    }
    const missing: number[] = [];
    await Promise.all(photos.map(async (p, index) => {
      try {
        await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: p.key }));
      } catch (err) {
        if (err instanceof NotFound || (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) missing.push(index);
        else throw err;
      }
    }));
    if (missing.length > 0) {
      throw new DomainError('CASE.PHOTO_MISSING', '照片尚未上传完成，请重新上传', { problems: missing.sort().map((i) => ({ path: `body.photos.${i}.key`, message: 'not uploaded' })) });
    }
  }

  /**
   * Copies uploads into the case's own prefix and returns the refs the case keeps. The
   * upload form could be posted again until it expires; the copy cannot be replaced by
   * anyone, so what the case shows is what was filed.
   */
  async adopt(caseId: string, photos: PhotoRef[]): Promise<PhotoRef[]> {
    const missing: number[] = [];
    const adopted = await Promise.all(photos.map(async (p, index) => {
      if (p.key.startsWith(casePrefix(caseId))) return p;
      const key = `${casePrefix(caseId)}${p.key.slice(p.key.lastIndexOf('/') + 1)}`;
      try {
        await this.s3.send(new CopyObjectCommand({ Bucket: this.bucket, Key: key, CopySource: `${this.bucket}/${p.key}`, MetadataDirective: 'COPY' }));
      } catch (err) {
        if (err instanceof NoSuchKey || (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) missing.push(index);
        else throw err;
      }
      return { key };
    }));
    if (missing.length > 0) {
      throw new DomainError('CASE.PHOTO_MISSING', '照片尚未上传完成，请重新上传', { problems: missing.sort().map((i) => ({ path: `body.photos.${i}.key`, message: 'not uploaded' })) });
    }
    return adopted;
  }

  async viewLinks(photos: PhotoRef[]): Promise<string[]> {
    return Promise.all(photos.map((p) => getSignedUrl(this.signer, new GetObjectCommand({ Bucket: this.bucket, Key: p.key }), { expiresIn: PHOTO_LINK_SECONDS })));
  }
}
