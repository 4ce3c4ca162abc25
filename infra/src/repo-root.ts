import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The monorepo root: the nearest folder upwards holding a package.json with "workspaces".
 * Walks from the working directory because `cdk synth` runs from infra/ and jest from the
 * root, and neither `import.meta` nor `__dirname` works under both tsx (ESM) and jest (CJS).
 */
export function repoRoot(from: string = process.cwd()): string {
  let dir = from;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { workspaces?: unknown };
      if (pkg.workspaces) return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json with "workspaces" above ${from}`);
    dir = parent;
  }
}
