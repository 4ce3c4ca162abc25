import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { demoAccounts } from '@gridtong/shared/city/accounts';
import { ROLE_LABELS } from '@gridtong/shared/schemas/roles';
import { getRuntime } from '../runtime';
import { DEFAULT_TIMERS, startLocalStack } from './stack';

/**
 * `npm start`: the whole product on 127.0.0.1 in one process tree. Data lives in .local/
 * (git-ignored; GRIDTONG_DATA_DIR moves it) so it survives restarts; Ctrl-C stops everything.
 */
async function main() {
  const root = resolve(process.cwd());
  const h5Dir = join(root, 'miniapp', 'dist', 'h5');
  const port = Number(process.env.PORT ?? 3000);
  // Tests and second checkouts keep their data elsewhere.
  const dataDir = process.env.GRIDTONG_DATA_DIR ? resolve(process.env.GRIDTONG_DATA_DIR) : join(root, '.local');
  const stack = await startLocalStack({
    port,
    dataDir,
    h5Dir: existsSync(join(h5Dir, 'index.html')) ? h5Dir : undefined,
    dynamodbEndpoint: process.env.DYNAMODB_ENDPOINT,
    s3Endpoint: process.env.S3_ENDPOINT,
    // events: the deliverer and the sweep on timers, the same code as on AWS
    timers: DEFAULT_TIMERS,
  });
  const city = await getRuntime().city.get();
  const lines = [
    '',
    '  网格通 is running locally',
    '',
    `  App (H5):       ${stack.url}/`,
    `  API:            ${stack.url}/v1/  (OpenAPI: ${stack.url}/v1/openapi.json)`,
    `  DynamoDB:       ${stack.dynamodbEndpoint}${process.env.DYNAMODB_ENDPOINT ? '' : ` (dynalite, data in ${join(dataDir, 'dynamodb')})`}`,
    `  S3:             ${stack.s3Endpoint}${process.env.S3_ENDPOINT ? '' : ` (s3rver, data in ${join(dataDir, 's3')})`}`,
    `  WeChat stand-in ${stack.wechat.url} (subscribe messages sent: ${stack.wechat.url}/dev/wechat)`,
    `  Demo city:      ${city.data.districts.map((d) => d.name).join("、")}, ${city.data.grids.length} grids${stack.seeded ? ' (seeded now)' : ''}`,
    '',
    '  Demo accounts (log in with the code; any other dev-<name> is a new resident):',
    ...demoAccounts(city.data).map((a) => `    ${a.code.padEnd(22)} ${ROLE_LABELS[a.role].padEnd(10)} ${a.description}`),
    '',
    '  Press Ctrl-C to stop.',
    '',
  ];
  console.log(lines.join('\n'));

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error('Could not start the local stack:', err instanceof Error ? err.message : err);
  process.exit(1);
});
