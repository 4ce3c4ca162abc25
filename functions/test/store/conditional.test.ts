import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DomainError } from '@gridtong/shared/errors';
import { conditionalWrite, writtenIf } from '../../src/store/conditional';

const failed = () => Promise.reject(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }));

describe('conditional writes', () => {
  it('answer the write, or null when its condition failed', async () => {
    await expect(conditionalWrite(Promise.resolve({ Attributes: { a: 1 } }))).resolves.toEqual({ Attributes: { a: 1 } });
    await expect(conditionalWrite(failed())).resolves.toBeNull();
    await expect(writtenIf(Promise.resolve({}))).resolves.toBe(true);
    await expect(writtenIf(failed())).resolves.toBe(false);
  });

  it('turn a failed condition into the domain error the caller names, and let other failures through', async () => {
    const conflict = new DomainError('CASE.VERSION_CONFLICT', '案件已被他人更新，请刷新后重试');
    await expect(conditionalWrite(failed(), conflict)).rejects.toBe(conflict);
    const throttled = new Error('ProvisionedThroughputExceededException');
    await expect(conditionalWrite(Promise.reject(throttled), conflict)).rejects.toBe(throttled);
    await expect(writtenIf(Promise.reject(throttled))).rejects.toBe(throttled);
  });
});
