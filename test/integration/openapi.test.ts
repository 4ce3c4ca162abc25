import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalStack, type LocalStack } from '@gridtong/functions/local/stack';
import { client } from '../support/client';

jest.setTimeout(60_000);

// The validator is ESM-only and reads its schemas through import.meta: run it in plain Node.
const VALIDATE = `
import { Validator } from '@seriousme/openapi-schema-validator';
const result = await new Validator().validate(process.argv[1]);
console.log(JSON.stringify({ valid: result.valid, errors: result.errors ?? null }));
`;

let stack: LocalStack;
let dir: string;

beforeAll(async () => {
  stack = await startLocalStack({ quiet: true });
  dir = mkdtempSync(join(tmpdir(), 'gridtong-openapi-'));
});

afterAll(async () => {
  await stack?.stop();
  rmSync(dir, { recursive: true, force: true });
});

it('serves an OpenAPI document that is valid OpenAPI 3.1, so clients can be generated from it', async () => {
  const answer = await client(stack).get('/v1/openapi.json');
  const file = join(dir, 'openapi.json');
  writeFileSync(file, answer.text);

  const output = execFileSync(process.execPath, ['--input-type=module', '-e', VALIDATE, file], { cwd: __dirname, encoding: 'utf8' });
  const result = JSON.parse(output.trim().split('\n').at(-1)!);

  expect(answer.body.openapi).toBe('3.1.0');
  expect(result).toEqual({ valid: true, errors: null });
});
