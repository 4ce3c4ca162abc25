import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

const cache = new Map<string, Promise<string>>();

/** Reads a secret once per container; a failed read is not cached, so the next call retries. */
export function resolveSecret(direct: string | undefined, arn: string | undefined, region: string): Promise<string> {
  if (direct) return Promise.resolve(direct);
  if (!arn) return Promise.reject(new Error('secret not configured'));
  let pending = cache.get(arn);
  if (!pending) {
    const client = new SecretsManagerClient({ region });
    pending = client.send(new GetSecretValueCommand({ SecretId: arn })).then((out) => {
      if (!out.SecretString) throw new Error('secret has no string value');
      return out.SecretString;
    });
    pending.catch(() => cache.delete(arn));
    cache.set(arn, pending);
  }
  return pending;
}
