import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { DecryptCommand, GenerateDataKeyCommand, type KMSClient } from '@aws-sdk/client-kms';
import * as z from 'zod';

/**
 * Envelope encryption for personal data kept at the application level (the openid): each
 * value gets its own data key, the data key is stored only wrapped by a master key (KMS on
 * AWS, a local key for `npm start` and tests), and the value is sealed with AES-256-GCM
 * bound to what it belongs to (the user id), so a sealed value moved to another row fails.
 */
export interface DataKeySource {
  /** A fresh 256-bit data key and its wrapped form. */
  generate(context: Record<string, string>): Promise<{ plaintext: Buffer; wrapped: string }>;
  unwrap(wrapped: string, context: Record<string, string>): Promise<Buffer>;
}

export const sealedSchema = z.object({
  v: z.literal(1),
  /** The wrapped data key. */
  k: z.string().min(1),
  iv: z.string().min(1),
  ct: z.string().min(1),
  tag: z.string().min(1),
});
export type Sealed = z.infer<typeof sealedSchema>;

export async function seal(source: DataKeySource, plaintext: string, context: Record<string, string>): Promise<Sealed> {
  const { plaintext: key, wrapped } = await source.generate(context);
  try {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(JSON.stringify(context)));
    const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return { v: 1, k: wrapped, iv: iv.toString('base64'), ct: ct.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
  } finally {
    key.fill(0);
  }
}

export async function unseal(source: DataKeySource, sealed: Sealed, context: Record<string, string>): Promise<string> {
  const key = await source.unwrap(sealed.k, context);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(JSON.stringify(context)));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.ct, 'base64')), decipher.final()]).toString('utf8');
  } finally {
    key.fill(0);
  }
}

/** KMS: GenerateDataKey at login, Decrypt only where messages are sent. */
export class KmsDataKeySource implements DataKeySource {
  constructor(
    private readonly kms: KMSClient,
    private readonly keyId: string,
  ) {}

  async generate(context: Record<string, string>) {
    const out = await this.kms.send(new GenerateDataKeyCommand({ KeyId: this.keyId, KeySpec: 'AES_256', EncryptionContext: context }));
    if (!out.Plaintext || !out.CiphertextBlob) throw new Error('KMS returned no data key');
    return { plaintext: Buffer.from(out.Plaintext), wrapped: Buffer.from(out.CiphertextBlob).toString('base64') };
  }

  async unwrap(wrapped: string, context: Record<string, string>) {
    const out = await this.kms.send(new DecryptCommand({ KeyId: this.keyId, CiphertextBlob: Buffer.from(wrapped, 'base64'), EncryptionContext: context }));
    if (!out.Plaintext) throw new Error('KMS returned no plaintext');
    return Buffer.from(out.Plaintext);
  }
}

/** A local master key (32 bytes) wraps data keys with AES-256-GCM: the same envelope, no cloud. */
export class LocalDataKeySource implements DataKeySource {
  constructor(private readonly masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('the local master key must be 32 bytes');
  }

  async generate(context: Record<string, string>) {
    const plaintext = randomBytes(32);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.masterKey, iv);
    cipher.setAAD(Buffer.from(JSON.stringify(context)));
    const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return { plaintext, wrapped: Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64') };
  }

  async unwrap(wrapped: string, context: Record<string, string>) {
    const raw = Buffer.from(wrapped, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.masterKey, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(JSON.stringify(context)));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
  }
}
