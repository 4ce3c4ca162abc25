import demoCityJson from '../../data/demo-city.json';
import { cityDataSchema, type CityData } from './schema';

let cached: CityData | undefined;

/**
 * The committed demo 天河区 (shared/data/demo-city.json), validated on first load so a
 * hand edit that breaks a cross reference fails loudly. Callers get their own copy.
 */
export function loadDemoCity(): CityData {
  cached ??= cityDataSchema.parse(demoCityJson as unknown);
  return structuredClone(cached);
}
