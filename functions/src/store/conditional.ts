import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';

/**
 * Runs a conditional write (put, update, delete). When its condition fails, the write either
 * resolves to null (the caller decides what a refused write means) or, when the caller names
 * one, throws that domain error — the way Powertools' DynamoDBPersistenceLayer turns a failed
 * condition into IdempotencyItemAlreadyExistsError. Any other failure is thrown as it is.
 */
export async function conditionalWrite<T>(write: Promise<T>): Promise<T | null>;
export async function conditionalWrite<T>(write: Promise<T>, onConditionFailed: Error): Promise<T>;
export async function conditionalWrite<T>(write: Promise<T>, onConditionFailed?: Error): Promise<T | null> {
  try {
    return await write;
  } catch (err) {
    if (!(err instanceof ConditionalCheckFailedException)) throw err;
    if (onConditionFailed) throw onConditionFailed;
    return null;
  }
}

/** True when the conditional write went through, false when its condition failed. */
export async function writtenIf(write: Promise<unknown>): Promise<boolean> {
  return (await conditionalWrite(write)) !== null;
}
