import { CopyObjectCommand, HeadObjectCommand, NoSuchKey, NotFound, type S3Client } from '@aws-sdk/client-s3';
import { uploadPrefix } from '@gridtong/shared/report/upload-policy';
import { PhotoStore } from '../../src/store/photos';

const BUCKET = 'memory-bucket';

/**
 * The bucket in memory, behind the real PhotoStore: ownership, presence and adoption run
 * the store's own rules, only HEAD and COPY are answered here.
 */
export class MemoryBucket {
  readonly keys = new Set<string>();

  /** An upload as a phone would have posted it. */
  upload(userId: string, name: string): { key: string } {
    const key = `${uploadPrefix(userId)}${name}`;
    this.keys.add(key);
    return { key };
  }

  async send(command: unknown): Promise<unknown> {
    if (command instanceof HeadObjectCommand) {
      if (!this.keys.has(command.input.Key ?? '')) throw new NotFound({ message: 'NotFound', $metadata: { httpStatusCode: 404 } });
      return {};
    }
    if (command instanceof CopyObjectCommand) {
      const source = (command.input.CopySource ?? '').slice(BUCKET.length + 1);
      if (!this.keys.has(source)) throw new NoSuchKey({ message: 'NoSuchKey', $metadata: { httpStatusCode: 404 } });
      this.keys.add(command.input.Key ?? '');
      return {};
    }
    throw new Error(`the memory bucket does not answer ${(command as object).constructor.name}`);
  }

  photoStore(): PhotoStore {
    const client = this as unknown as S3Client;
    return new PhotoStore(client, client, BUCKET);
  }
}
