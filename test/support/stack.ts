import { startLocalStack, type LocalStack } from '@gridtong/functions/local/stack';
import { client } from './client';

export type Api = ReturnType<typeof client>;

/** A local stack for one test file (quiet unless asked), with the city snapshot loaded and a client over HTTP. */
export async function openStack(options: Parameters<typeof startLocalStack>[0] = {}): Promise<{ stack: LocalStack; api: Api }> {
  const stack = await startLocalStack({ quiet: true, ...options });
  await stack.runtime.city.get();
  return { stack, api: client(stack) };
}
