// Writes the demo 天河区 (geometry + content) to shared/data/demo-city.json.
// Run from the repo root: npx tsx shared/scripts/build-demo-city.ts
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { serializeDemoCity } from '../src/city/demo-data';

const target = resolve(process.cwd(), process.cwd().endsWith('shared') ? 'data/demo-city.json' : 'shared/data/demo-city.json');
writeFileSync(target, serializeDemoCity());
console.log(`wrote ${target}`);
