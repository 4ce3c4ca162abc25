import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ESLint, type Linter } from 'eslint';
// The project's own flat config, loaded as a module (ESLint's own loader needs ESM hooks jest lacks).
// @ts-expect-error -- the flat config is plain JavaScript without declarations
import projectConfig from '../../eslint.config.js';

const root = resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name.startsWith('.') ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the domain stays pure', () => {
  const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: projectConfig as Linter.Config[] });
  const lint = async (code: string, file = 'shared/src/case/probe.ts') => {
    const [result] = await eslint.lintText(code, { filePath: join(root, file) });
    return result!.messages.map((m) => m.ruleId);
  };

  it.each([
    ["import { DynamoDBClient } from '@aws-sdk/client-dynamodb';", 'no-restricted-imports'],
    ["import middy from '@middy/core';", 'no-restricted-imports'],
    ["import Taro from '@tarojs/taro';", 'no-restricted-imports'],
    ['export const table = process.env.TABLE_NAME;', 'no-restricted-properties'],
    ['export const env = globalThis.process.env;', 'no-restricted-syntax'],
    ['const { env } = process; export const t = env.X;', 'no-restricted-syntax'],
  ])('lint fails when shared/ does %s', async (code, rule) => {
    expect(await lint(code)).toContain(rule);
  });

  it('lets the functions package use the SDK and the environment', async () => {
    const rules = await lint("import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nexport const c = new DynamoDBClient({ region: process.env.AWS_REGION });", 'functions/src/probe.ts');
    expect(rules).toEqual([]);
  });

  it('has no shared/ source file that imports infrastructure', () => {
    const offenders = sourceFiles(join(root, 'shared/src')).filter((file) => /from '(@aws-sdk|@middy|@tarojs)/.test(readFileSync(file, 'utf8')));
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });
});

describe('request paths never scan DynamoDB', () => {
  it('no function source builds a Scan request', () => {
    const offenders = sourceFiles(join(root, 'functions/src')).filter((file) => /\bScan(Command|Input)\b|\.scan\(/.test(readFileSync(file, 'utf8')));
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });
});
