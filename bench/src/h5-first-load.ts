/**
 * H5 first-load JavaScript, gzipped, against its 350 KB target: the entry scripts
 * index.html names plus the page chunk the first screen needs. Which page comes first depends
 * on the session, so the largest page chunk is counted (the worst first screen). The total of
 * all chunks is shown too: it is what visiting every page once costs.
 *
 * Run from the repository root after an H5 build (npm start builds one): npm run bench
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const TARGET_GZIP_BYTES = 350 * 1024;

const here = path.dirname(fileURLToPath(import.meta.url));
const h5Dir = process.argv[2] ?? path.join(here, '..', '..', 'miniapp', 'dist', 'h5');
const resultsDir = path.join(here, '..', 'results');

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

const indexHtml = path.join(h5Dir, 'index.html');
if (!existsSync(indexHtml)) {
  console.error(`${indexHtml} not found: build the H5 app first (npm run build:h5 --workspace miniapp)`);
  process.exit(1);
}

const html = readFileSync(indexHtml, 'utf8');
const entry = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((m) => path.join(h5Dir, m[1]!.replace(/^\//, '')));
const allJs = readdirSync(path.join(h5Dir, 'js')).filter((f) => f.endsWith('.js')).map((f) => path.join(h5Dir, 'js', f));

const entryRaw = entry.reduce((s, f) => s + readFileSync(f).length, 0);
const entryGzip = entry.reduce((s, f) => s + gz(f), 0);
const chunks = allJs.filter((f) => !entry.includes(f)).map((f) => ({ file: f, gzip: gz(f) }));
const largest = chunks.reduce((a, b) => (b.gzip > a.gzip ? b : a), { file: '', gzip: 0 });
const firstLoad = entryGzip + largest.gzip;
const allGzip = entryGzip + chunks.reduce((s, c) => s + c.gzip, 0);

console.log(`H5 first-load JS (entry: ${entry.map((f) => path.basename(f)).join(', ')})`);
console.log(`  entry raw ${kb(entryRaw)}, gzipped ${kb(entryGzip)}`);
console.log(`  + largest page chunk ${path.basename(largest.file)} gzipped ${kb(largest.gzip)}`);
console.log(`  first load gzipped ${kb(firstLoad).padStart(10)}  (target ≤ ${kb(TARGET_GZIP_BYTES)})`);
console.log(`  every page once, gzipped: ${kb(allGzip)} in ${allJs.length} files`);

mkdirSync(resultsDir, { recursive: true });
writeFileSync(
  path.join(resultsDir, 'h5-first-load.json'),
  `${JSON.stringify({ measuredAt: new Date().toISOString(), entryFiles: entry.map((f) => path.basename(f)), entryRawBytes: entryRaw, entryGzipBytes: entryGzip, largestPageChunkGzipBytes: largest.gzip, firstLoadGzipBytes: firstLoad, allChunksGzipBytes: allGzip, targetGzipBytes: TARGET_GZIP_BYTES }, null, 2)}\n`,
);

if (firstLoad > TARGET_GZIP_BYTES) {
  console.error(`✗ first-load JS ${kb(firstLoad)} gzipped is over the ${kb(TARGET_GZIP_BYTES)} target`);
  process.exit(1);
}
console.log('✓ H5 first-load JS within target');
