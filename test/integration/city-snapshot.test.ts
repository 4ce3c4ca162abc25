import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { startLocalStack, type LocalStack } from '@gridtong/functions/local/stack';
import { CITY_SNAPSHOT_KEY, CityProvider, citySchemaFingerprint } from '@gridtong/functions/city/city-snapshot';
import { cityDataSchema } from '@gridtong/shared/city/schema';
import { generateLargeCityData } from '@gridtong/shared/city/large';
import { loadDemoCity } from '@gridtong/shared/city/demo';
import { client } from '../support/client';

/**
 * The city snapshot is validated once, when published, and marked with the schema it was
 * validated against; a cold start trusts the mark only for the schema it runs. These checks
 * keep the shortcut honest: trusted data is exactly what validating would have given, and
 * a snapshot without the current mark is still validated — a broken one never serves.
 */
jest.setTimeout(120_000);

let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack({ quiet: true, timers: false });
});

afterAll(async () => {
  await stack?.stop();
});

const bucket = () => stack.config.uploadBucket;
const provider = () => new CityProvider(stack.runtime.s3, bucket(), () => new Date());
const put = (body: unknown, metadata?: Record<string, string>) =>
  stack.runtime.s3.send(new PutObjectCommand({ Bucket: bucket(), Key: CITY_SNAPSHOT_KEY, Body: JSON.stringify(body), ContentType: 'application/json', ...(metadata ? { Metadata: metadata } : {}) }));

it('publishes the snapshot marked with the schema it was validated against, and the API serves from it', async () => {
  const head = await stack.runtime.s3.send(new HeadObjectCommand({ Bucket: bucket(), Key: CITY_SNAPSHOT_KEY }));
  expect(head.Metadata?.['validated-by']).toBe(citySchemaFingerprint());
  const loaded = await provider().get();
  expect(loaded.data.grids).toHaveLength(loadDemoCity().grids.length);
  const catalog = await client(stack).get('/v1/catalog', (await client(stack).login('dev-zhangsan')).token);
  expect(catalog.status).toBe(200);
});

it('trusts published data only because it is exactly what validating it again gives', () => {
  for (const data of [loadDemoCity(), generateLargeCityData({ seed: 11, grids: 1500 })]) {
    const published = JSON.parse(JSON.stringify(cityDataSchema.parse(data)));
    expect(cityDataSchema.parse(published)).toEqual(published);
  }
});

it('validates a snapshot without the current mark, and never serves a broken one', async () => {
  const valid = loadDemoCity();
  // A grid pointing at a community that does not exist: caught by the schema's cross-checks.
  const broken = { ...valid, grids: valid.grids.map((g, i) => (i === 0 ? { ...g, communityCode: '440106999999' } : g)) };
  try {
    await put(broken);
    await expect(provider().get()).rejects.toThrow();
    await put(broken, { 'validated-by': 'an-older-schema' });
    await expect(provider().get()).rejects.toThrow();
    // An unmarked but sound snapshot (published by an older tool) still loads, after validation.
    await put(valid);
    expect((await provider().get()).data.grids).toHaveLength(valid.grids.length);
  } finally {
    await put(cityDataSchema.parse(valid), { 'validated-by': citySchemaFingerprint() });
  }
});
