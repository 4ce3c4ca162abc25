import { isDomainError, type DomainError } from '@gridtong/shared/errors';

/** The domain refusal `promise` ends in; anything else (or no refusal at all) fails the test. */
export async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (err) {
    if (isDomainError(err)) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}
