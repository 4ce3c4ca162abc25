/**
 * Grid lookup benchmark: location → grid code over a Guangzhou-sized city of ~20,000
 * grids. Compares GridIndex (flatbush + exact point-in-polygon) with a linear scan
 * through @turf/boolean-point-in-polygon, on the same random points, on one core.
 *
 * Run from the repository root: npm run bench
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { multiPolygon, point, polygon } from '@turf/helpers';
import { generateLargeCity } from '@gridtong/shared/city/geometry';
import { GridIndex, bboxOf, mulberry32, wgs84ToGcj02 } from '@gridtong/shared/geo/index';

const SEED = 20000;
const GRIDS = 20000;
const INDEX_POINTS = 1_000_000;
const LINEAR_POINTS = 300;
const BUILD_RUNS = 7;
const TARGET_SPEEDUP = 100;
const TARGET_LOOKUPS_PER_SECOND = 200_000;

// Heap figures are only meaningful after a full collection; expose gc without a CLI flag.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const resultsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'results');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function memory(): number {
  for (let i = 0; i < 3; i++) gc();
  const m = process.memoryUsage();
  // Typed arrays live outside the JS heap; count both.
  return m.heapUsed + m.arrayBuffers;
}

function timeIt<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

const generated = timeIt(() => generateLargeCity({ seed: SEED, grids: GRIDS }));
const city = generated.value;
const grids = city.grids;
const [minX, minY, maxX, maxY] = city.bbox;
console.log(`city: ${grids.length} grids in ${city.districts.length} districts, generated in ${generated.ms.toFixed(0)} ms`);

// Index build: median of several runs, then one more, measured for memory.
const buildTimes: number[] = [];
for (let i = 0; i < BUILD_RUNS; i++) buildTimes.push(timeIt(() => new GridIndex(grids)).ms);
// Retained size = heap with a probe index held, minus the heap once it is dropped again
// (collections run lazily, so the baseline is taken on both sides and the lower kept).
const baseline = memory();
const held: GridIndex[] = [new GridIndex(grids)];
const withProbe = memory();
held.length = 0;
const indexBytes = withProbe - Math.min(baseline, memory());
const index = new GridIndex(grids);

// The same random points for every method.
const random = mulberry32(SEED);
const points = new Float64Array(INDEX_POINTS * 2);
for (let i = 0; i < INDEX_POINTS; i++) {
  points[2 * i] = minX + random() * (maxX - minX);
  points[2 * i + 1] = minY + random() * (maxY - minY);
}

function runIndex(count: number): { ms: number; found: number } {
  let found = 0;
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    if (index.locate(points[2 * i] as number, points[2 * i + 1] as number) !== null) found++;
  }
  return { ms: performance.now() - start, found };
}
runIndex(50_000); // warm-up: let the JIT settle before measuring
const indexRun = runIndex(INDEX_POINTS);
const indexRate = INDEX_POINTS / (indexRun.ms / 1000);

// The real request path: WeChat gives GCJ-02, converted before the lookup.
const gcjPoints = new Float64Array(INDEX_POINTS * 2);
for (let i = 0; i < INDEX_POINTS; i++) {
  const [lng, lat] = wgs84ToGcj02(points[2 * i] as number, points[2 * i + 1] as number);
  gcjPoints[2 * i] = lng;
  gcjPoints[2 * i + 1] = lat;
}
const gcjRun = timeIt(() => {
  let found = 0;
  for (let i = 0; i < INDEX_POINTS; i++) {
    if (index.locateGcj02(gcjPoints[2 * i] as number, gcjPoints[2 * i + 1] as number) !== null) found++;
  }
  return found;
});
const gcjRate = INDEX_POINTS / (gcjRun.ms / 1000);

type TurfFeature = ReturnType<typeof polygon> | ReturnType<typeof multiPolygon>;
type TurfGeometry = TurfFeature['geometry'];
const toFeature = (geometry: (typeof grids)[number]['geometry']): TurfFeature =>
  geometry.type === 'Polygon' ? polygon(geometry.coordinates) : multiPolygon(geometry.coordinates);
const plainFeatures = grids.map((g) => toFeature(g.geometry));
// Same scan, but each feature carries its bbox, which turf checks first: the cheap fix without an index.
const bboxFeatures = grids.map((g) => ({ ...toFeature(g.geometry), bbox: bboxOf(g.geometry) }));

function linearScan(features: TurfFeature[], count: number): { ms: number; answers: (string | null)[] } {
  const answers: (string | null)[] = [];
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const pt = point([points[2 * i] as number, points[2 * i + 1] as number]);
    let hit: string | null = null;
    for (let g = 0; g < features.length; g++) {
      if (booleanPointInPolygon<TurfGeometry>(pt, features[g] as TurfFeature)) {
        hit = (grids[g] as { code: string }).code;
        break;
      }
    }
    answers.push(hit);
  }
  return { ms: performance.now() - start, answers };
}
linearScan(plainFeatures, 5);
const linearRun = linearScan(plainFeatures, LINEAR_POINTS);
const linearRate = LINEAR_POINTS / (linearRun.ms / 1000);
linearScan(bboxFeatures, 20);
const bboxRun = linearScan(bboxFeatures, LINEAR_POINTS * 10);
const bboxRate = (LINEAR_POINTS * 10) / (bboxRun.ms / 1000);

// Both methods must give the same answer on the sample before their speeds mean anything.
let disagreements = 0;
for (let i = 0; i < LINEAR_POINTS * 10; i++) {
  const expected = bboxRun.answers[i];
  const actual = index.locate(points[2 * i] as number, points[2 * i + 1] as number);
  if (actual !== expected || (i < LINEAR_POINTS && linearRun.answers[i] !== expected)) disagreements++;
}

const speedup = indexRate / linearRate;
const results = {
  date: new Date().toISOString(),
  machine: { node: process.version, cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, platform: `${os.platform()} ${os.arch()}` },
  city: { grids: grids.length, districts: city.districts.length, bbox: city.bbox, seed: SEED, generateMs: round(generated.ms) },
  index: {
    buildMsMedian: round(median(buildTimes)),
    buildMsRuns: buildTimes.map(round),
    memoryBytes: indexBytes,
    memoryMiB: round(indexBytes / 2 ** 20),
  },
  lookups: {
    gridIndex: { points: INDEX_POINTS, ms: round(indexRun.ms), perSecond: Math.round(indexRate), hitRate: round(indexRun.found / INDEX_POINTS) },
    gridIndexFromGcj02: { points: INDEX_POINTS, ms: round(gcjRun.ms), perSecond: Math.round(gcjRate) },
    turfLinearScan: { points: LINEAR_POINTS, ms: round(linearRun.ms), perSecond: Math.round(linearRate) },
    turfLinearScanWithBbox: { points: LINEAR_POINTS * 10, ms: round(bboxRun.ms), perSecond: Math.round(bboxRate) },
  },
  agreement: { sampled: LINEAR_POINTS * 10, disagreements },
  targets: {
    speedupOverLinearScan: { target: TARGET_SPEEDUP, actual: round(speedup), met: speedup >= TARGET_SPEEDUP },
    lookupsPerSecond: { target: TARGET_LOOKUPS_PER_SECOND, actual: Math.round(indexRate), met: indexRate >= TARGET_LOOKUPS_PER_SECOND },
  },
};

function round(v: number): number {
  return Math.round(v * 100) / 100;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const ratio = (n: number) => `${n < 10 ? n.toFixed(1) : fmt(n)}×`;
const rows: [string, string, string, string][] = [
  ['GridIndex (WGS-84)', fmt(INDEX_POINTS), fmt(indexRate), ratio(speedup)],
  ['GridIndex (GCJ-02 → WGS-84 first)', fmt(INDEX_POINTS), fmt(gcjRate), ratio(gcjRate / linearRate)],
  ['turf linear scan + bbox check', fmt(LINEAR_POINTS * 10), fmt(bboxRate), ratio(bboxRate / linearRate)],
  ['turf linear scan', fmt(LINEAR_POINTS), fmt(linearRate), ratio(1)],
];
const table = [
  '| method | points | lookups/s | vs linear scan |',
  '|---|---:|---:|---:|',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
].join('\n');
const verdict = (met: boolean) => (met ? 'met' : 'MISSED');
const markdown = `# Grid lookup benchmark

${results.date} · Node ${results.machine.node} · ${results.machine.cpu} (one core used) · ${results.machine.platform}

City: ${fmt(grids.length)} grids in ${city.districts.length} districts over ${city.bbox.join(', ')} (seed ${SEED}), generated in ${fmt(generated.ms)} ms.

Index build (median of ${BUILD_RUNS}): **${results.index.buildMsMedian} ms**; memory held by the index: **${results.index.memoryMiB} MiB** (heap + typed arrays, after GC).

${table}

Lookups run on one core, points drawn uniformly over the city's bounding box (the same points for every method; fewer for the slow scans). The linear scan stops at the first grid that contains the point.

Agreement: GridIndex and turf disagreed on ${disagreements} of ${fmt(LINEAR_POINTS * 10)} sampled points (same grid, or none, expected everywhere).

Targets: ≥ ${TARGET_SPEEDUP}× the linear scan — ${verdict(results.targets.speedupOverLinearScan.met)} (${ratio(speedup)}); ≥ ${fmt(TARGET_LOOKUPS_PER_SECOND)} lookups/s — ${verdict(results.targets.lookupsPerSecond.met)} (${fmt(indexRate)}/s).
`;

console.log('');
console.log(`index build: ${results.index.buildMsMedian} ms (median of ${BUILD_RUNS}), memory ${results.index.memoryMiB} MiB`);
console.log(table);
console.log(`agreement: ${disagreements} disagreement(s) on ${LINEAR_POINTS * 10} points`);
console.log(`targets: speedup ${verdict(results.targets.speedupOverLinearScan.met)}, lookups/s ${verdict(results.targets.lookupsPerSecond.met)}`);

mkdirSync(resultsDir, { recursive: true });
writeFileSync(path.join(resultsDir, 'grid-lookup.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(path.join(resultsDir, 'grid-lookup.md'), markdown);
console.log(`written: ${path.relative(process.cwd(), resultsDir)}/grid-lookup.{json,md}`);

if (disagreements > 0 || !results.targets.speedupOverLinearScan.met || !results.targets.lookupsPerSecond.met) {
  process.exitCode = 1;
}
