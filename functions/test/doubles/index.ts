import { loadDemoCity } from '@gridtong/shared/city/demo';
import { createCityDirectory } from '@gridtong/shared/routing/index';
import type { CityReference } from '../../src/city/city-snapshot';
import type { RateDecision } from '../../src/store/rate-limits';
import type { PhotoStore } from '../../src/store/photos';
import { MemoryCaseStore } from './case-store';
import { MemoryCaseNumberStore } from './case-number-store';
import { MemoryFollowStore } from './follow-store';
import { MemoryBucket } from './photos';
import { MemoryQueueStore } from './queue-store';
import { MemoryVoteStore } from './vote-store';

export { MemoryCaseStore } from './case-store';
export { MemoryCaseNumberStore } from './case-number-store';
export { MemoryFollowStore } from './follow-store';
export { MemoryBucket } from './photos';
export { MemoryQueueStore } from './queue-store';
export { MemoryVoteStore } from './vote-store';

/** The demo city as a loaded snapshot (what CityProvider.get answers). */
export const demoCity: CityReference = (() => {
  const data = loadDemoCity();
  return { data, directory: createCityDirectory(data), version: 'demo' };
})();

/** A fixed-window quota per action and subject, as the rate limiter counts it. */
export class MemoryRateLimits {
  private readonly taken = new Map<string, number>();

  async take(action: string, subject: string, limit: number, windowSeconds: number, now: Date): Promise<RateDecision> {
    const window = Math.floor(now.getTime() / 1000 / windowSeconds);
    const key = `${action}#${subject}#${window}`;
    const used = this.taken.get(key) ?? 0;
    if (used >= limit) return { allowed: false, retryAfterSeconds: (window + 1) * windowSeconds - now.getTime() / 1000 };
    this.taken.set(key, used + 1);
    return { allowed: true, retryAfterSeconds: 0 };
  }
}

/** Every port the case services take, in memory: one fresh world per test. */
export interface MemoryWorld {
  cases: MemoryCaseStore;
  caseNumbers: MemoryCaseNumberStore;
  follows: MemoryFollowStore;
  votes: MemoryVoteStore;
  workQueues: MemoryQueueStore;
  bucket: MemoryBucket;
  photos: PhotoStore;
  city: { get: () => Promise<CityReference> };
  rateLimits: MemoryRateLimits;
  config: { caseRateLimitPerHour: number };
}

export function memoryWorld(options: { caseRateLimitPerHour?: number } = {}): MemoryWorld {
  const cases = new MemoryCaseStore();
  const bucket = new MemoryBucket();
  return {
    cases,
    caseNumbers: new MemoryCaseNumberStore(),
    follows: new MemoryFollowStore(cases),
    votes: new MemoryVoteStore(),
    workQueues: new MemoryQueueStore(cases),
    bucket,
    photos: bucket.photoStore(),
    city: { get: async () => demoCity },
    rateLimits: new MemoryRateLimits(),
    config: { caseRateLimitPerHour: options.caseRateLimitPerHour ?? 10 },
  };
}
