/**
 * Lambda bundle sizes: every deployed route's function and every job, bundled exactly as CDK
 * bundles them (FUNCTION_BUNDLING: minified ESM for Node 22, the AWS SDK left to the runtime),
 * measured against a per-function budget. A smaller bundle is less to fetch, unpack and parse
 * on a cold start — the first tap of a resident after a quiet hour.
 *
 * npm run bench (from the repository root); writes bench/results/lambda-bundles.json.
 */
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { deployedRoutes } from '@gridtong/shared/api/routes';
import { defaultHandlerEntry, FUNCTION_BUNDLING } from '../src/api';
import { defaultJobEntry, JOB_IDS } from '../src/jobs';
import { repoRoot } from '../src/repo-root';

const BUDGET_BYTES = 512 * 1024;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

interface Measured {
  name: string;
  bytes: number;
  gzipBytes: number;
  /** The three largest packages or source folders in it. */
  heaviest: { input: string; bytes: number }[];
}

/** node_modules/<pkg>, or the first three path parts of our own sources. */
function groupOf(input: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  return pkg ? pkg[1]! : input.split('/').slice(0, 3).join('/');
}

async function measure(name: string, entry: string): Promise<Measured> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: FUNCTION_BUNDLING.target,
    mainFields: FUNCTION_BUNDLING.mainFields,
    banner: { js: FUNCTION_BUNDLING.banner },
    minify: FUNCTION_BUNDLING.minify,
    external: FUNCTION_BUNDLING.externalModules,
    write: false,
    metafile: true,
    logLevel: 'error',
  });
  const code = result.outputFiles[0]!.contents;
  const groups = new Map<string, number>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) groups.set(groupOf(input), (groups.get(groupOf(input)) ?? 0) + bytesInOutput);
  }
  const heaviest = [...groups.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([input, bytes]) => ({ input, bytes }));
  return { name, bytes: code.length, gzipBytes: gzipSync(code).length, heaviest };
}

const targets = [
  ...deployedRoutes().map((r) => ({ name: r.id, entry: defaultHandlerEntry(r.id) })),
  ...JOB_IDS.map((id) => ({ name: `job:${id}`, entry: defaultJobEntry(id) })),
];
const measured: Measured[] = [];
for (const t of targets) measured.push(await measure(t.name, t.entry));
measured.sort((a, b) => b.bytes - a.bytes);

const sizes = measured.map((m) => m.bytes).sort((a, b) => a - b);
const median = sizes[Math.floor(sizes.length / 2)]!;
const largest = measured[0]!;
console.log(`Lambda bundles: ${measured.length} functions (minified ESM, AWS SDK external)`);
console.log(`  largest ${largest.name}: ${kb(largest.bytes)} (${kb(largest.gzipBytes)} gzipped) — ${largest.heaviest.map((h) => `${h.input} ${kb(h.bytes)}`).join(', ')}`);
console.log(`  median ${kb(median)}, smallest ${kb(sizes[0]!)}  (budget ≤ ${kb(BUDGET_BYTES)} each)`);
for (const m of measured.slice(0, 5)) console.log(`    ${m.name.padEnd(28)} ${kb(m.bytes).padStart(10)}`);

const resultsDir = join(repoRoot(), 'bench', 'results');
mkdirSync(resultsDir, { recursive: true });
writeFileSync(
  join(resultsDir, 'lambda-bundles.json'),
  `${JSON.stringify({ measuredAt: new Date().toISOString(), budgetBytes: BUDGET_BYTES, medianBytes: median, functions: measured }, null, 2)}\n`,
);

const over = measured.filter((m) => m.bytes > BUDGET_BYTES);
if (over.length) {
  console.error(`✗ over the ${kb(BUDGET_BYTES)} budget: ${over.map((m) => `${m.name} ${kb(m.bytes)}`).join(', ')}`);
  process.exit(1);
}
console.log('✓ every Lambda bundle within budget');
