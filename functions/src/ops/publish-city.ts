import { readFile } from 'node:fs/promises';
import { loadDemoCity } from '@gridtong/shared/city/demo';
import { cityDataSchema } from '@gridtong/shared/city/schema';
import { readConfig } from '../config';
import { createS3Client } from '../store/clients';
import { publishCitySnapshot } from '../city/city-snapshot';

/**
 * Operator tool: validate a city reference file (grids, workers, catalog, 权责清单) and
 * publish it to the bucket the functions read it from. Without a file, the demo city.
 *
 *   UPLOAD_BUCKET=<bucket> AWS_REGION=cn-north-1 npm run publish-city -- [city.json]
 */
async function main() {
  const file = process.argv[2];
  const config = readConfig({ SESSION_SECRET: 'x'.repeat(32), ...process.env });
  const raw: unknown = file ? JSON.parse(await readFile(file, 'utf8')) : loadDemoCity();
  const parsed = cityDataSchema.safeParse(raw);
  if (!parsed.success) {
    console.error('City data is invalid:');
    for (const issue of parsed.error.issues.slice(0, 20)) console.error(`  ${issue.path.join('.')}: ${issue.message}`);
    process.exit(2);
  }
  await publishCitySnapshot(createS3Client(config), config.uploadBucket, parsed.data);
  console.log(`Published ${parsed.data.grids.length} grids, ${parsed.data.items.length} items to s3://${config.uploadBucket}. Functions pick it up within 5 minutes.`);
}

main().catch((err: unknown) => {
  console.error('Publishing failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
