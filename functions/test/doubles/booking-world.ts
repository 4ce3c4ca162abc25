import { loadDemoCity } from '@gridtong/shared/city/demo';
import { createCityDirectory } from '@gridtong/shared/routing/index';
import type { Principal } from '@gridtong/shared/schemas/roles';
import { DEMO_AVAILABILITY } from '../../src/bookings/demo';
import type { CreateBookingPorts } from '../../src/bookings/service';
import type { BookingRepository } from '../../src/bookings/booking-store';
import type { CityReference } from '../../src/city/city-snapshot';
import type { RequestContext } from '../../src/context';
import { PowertoolsCreates } from '../../src/http/idempotency';
import { InMemoryBookingStore } from './booking-store';
import { InMemoryIdempotencyStore } from './idempotency-store';
import { InMemoryMessageStore } from './message-store';

const data = loadDemoCity();
/** The demo city, loaded once for every test file that books. */
export const city: CityReference = { data, directory: createCityDirectory(data), version: 'test' };

/** Beijing wall-clock time as an instant. */
export const beijing = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);

/** A controlled clock: starts Monday 2026-11-23 09:00 Beijing; tests move it. */
export class Clock {
  private current: Date;
  constructor(start = beijing('2026-11-23', '09:00')) {
    this.current = start;
  }
  now = (): Date => new Date(this.current);
  set(to: Date): void {
    this.current = to;
  }
}

const demoWorker = data.workers.find((w) => w.devLogin === 'dev-worker1')!;
export const GRID = demoWorker.gridCode;
export const WORKER: Principal = { userId: 'Sworker1', role: 'gridWorker', scope: { areas: [GRID] } };

/**
 * Everything the booking services touch, in memory: one grid with one worker publishing the
 * demo hours (Tuesday and Thursday 14:00–17:00, 30-minute slots), residents living there.
 */
export function bookingWorld() {
  const bookings = new InMemoryBookingStore();
  const messages = new InMemoryMessageStore();
  const homes = new Map<string, string>();
  const ports: CreateBookingPorts & { bookings: Pick<BookingRepository, 'listMine'> } = {
    bookings,
    city: { get: async () => city },
    users: { getHome: async (userId) => (homes.has(userId) ? { source: 'picker', gridCode: homes.get(userId)!, updatedAt: '2026-11-01T00:00:00.000Z' } : null) },
    idempotency: new PowertoolsCreates(new InMemoryIdempotencyStore(), 'create-booking', '次预约'),
  };
  const clock = new Clock();
  void bookings.putAvailability({ gridCode: GRID, workerId: WORKER.userId, workerName: '刘丽辉', availability: DEMO_AVAILABILITY, updatedAt: clock.now().toISOString() });
  let residents = 0;
  const resident = (): Principal => {
    const principal: Principal = { userId: `Uresident${++residents}`, role: 'resident', scope: { areas: [] } };
    homes.set(principal.userId, GRID);
    return principal;
  };
  const ctx = (principal: Principal, actorName?: string): RequestContext => ({ principal, now: clock.now(), ...(actorName ? { actorName } : {}) });
  return { ports, bookings, messages, clock, resident, ctx };
}
