/**
 * Static checks on the built mini-program (WeChat DevTools cannot run here):
 * package sizes against WeChat's 2 MB limits, privacy declarations, tabBar pages in
 * the main package. Run after `npm run build:weapp`: `npm run check:weapp`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const LIMIT_BYTES = 2 * 1024 * 1024;
/**
 * Our own budgets, well inside WeChat's limit: residents on weak connections
 * download the main package first; the worker desk must not creep into it.
 */
export const BUDGET_BYTES: Record<string, number> = {
  main: 600 * 1024,
  worker: 1024 * 1024,
  // residents download it on their first booking, often on a weak line
  bookings: 200 * 1024,
};
const REQUIRED_PRIVATE_INFOS = ['getLocation', 'chooseLocation'];

interface AppJson {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
  subpackages?: { root: string; pages: string[] }[];
  tabBar?: { list: { pagePath: string }[] };
  requiredPrivateInfos?: string[];
  __usePrivacyCheck__?: boolean;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? filesUnder(path) : [path];
  });
}

// DevTools does not upload these.
const shipped = (rel: string) => !rel.endsWith('.map') && !rel.endsWith('.LICENSE.txt') && rel !== 'project.config.json';

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export function checkWeapp(dist: string): { problems: string[]; sizes: Record<string, number> } {
  const problems: string[] = [];
  const appJsonPath = join(dist, 'app.json');
  if (!existsSync(appJsonPath)) return { problems: [`${appJsonPath} not found: run npm run build:weapp first`], sizes: {} };
  const app = JSON.parse(readFileSync(appJsonPath, 'utf8')) as AppJson;
  const subRoots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''));

  const sizes: Record<string, number> = { main: 0, ...Object.fromEntries(subRoots.map((r) => [r, 0])) };
  for (const file of filesUnder(dist)) {
    const rel = relative(dist, file).split(sep).join('/');
    if (!shipped(rel)) continue;
    const owner = subRoots.find((r) => rel.startsWith(`${r}/`)) ?? 'main';
    sizes[owner] = (sizes[owner] ?? 0) + statSync(file).size;
    // The schemas stay on the server: a runtime import of a zod module would put ~100 KB of zod in a package.
    if (rel.endsWith('.js') && readFileSync(file, 'utf8').includes('ZodError')) problems.push(`${rel} carries zod: import types only, or a zod-free module of shared/`);
  }
  for (const pkg of Object.keys(BUDGET_BYTES)) {
    if (!(pkg in sizes)) problems.push(`package ${pkg} has a budget but is not in app.json`);
  }
  for (const [pkg, size] of Object.entries(sizes)) {
    if (size >= LIMIT_BYTES) problems.push(`package ${pkg} is ${kb(size)}, over the 2 MB limit`);
    const budget = BUDGET_BYTES[pkg];
    if (budget !== undefined && size > budget) problems.push(`package ${pkg} is ${kb(size)}, over its ${kb(budget)} budget`);
  }

  for (const info of REQUIRED_PRIVATE_INFOS) {
    if (!app.requiredPrivateInfos?.includes(info)) problems.push(`app.json requiredPrivateInfos lacks ${info}`);
  }
  if (app.__usePrivacyCheck__ !== true) problems.push('app.json lacks __usePrivacyCheck__: true');
  for (const tab of app.tabBar?.list ?? []) {
    if (!app.pages.includes(tab.pagePath)) problems.push(`tabBar page ${tab.pagePath} is not in the main package`);
  }
  return { problems, sizes };
}

const dist = process.argv[2] ?? join(import.meta.dirname, '..', 'dist', 'weapp');
const { problems, sizes } = checkWeapp(dist);
for (const [pkg, size] of Object.entries(sizes)) {
  console.log(`${pkg.padEnd(10)} ${kb(size).padStart(10)}  (budget ${BUDGET_BYTES[pkg] ? kb(BUDGET_BYTES[pkg]) : '—'}, limit 2048 KB)`);
}
if (problems.length > 0) {
  for (const p of problems) console.error(`✗ ${p}`);
  process.exit(1);
}
console.log('✓ weapp package checks passed');
