import { areaLevelOf } from '@gridtong/shared/schemas/common';
import { availabilitySchema } from '@gridtong/shared/booking/availability';
import { BOOKABLE_ROLES } from '@gridtong/shared/booking/rules';
import { demoAccounts } from '@gridtong/shared/city/accounts';
import type { CityData } from '@gridtong/shared/city/schema';
import type { BookingRepository } from './booking-store';

/** The demo grid team's weekly hours for home visits: Tuesday and Thursday afternoons, 30-minute slots. */
export const DEMO_AVAILABILITY = availabilitySchema.parse({
  slotMinutes: 30,
  weekly: [{ weekday: 2, start: '14:00', end: '17:00' }, { weekday: 4, start: '14:00', end: '17:00' }],
});

/** First start only: every demo 网格员 / 网格长 publishes DEMO_AVAILABILITY for their grid. */
export async function seedDemoAvailability(bookings: BookingRepository, data: CityData, userIdOf: (code: string) => string, now: Date): Promise<void> {
  for (const account of demoAccounts(data)) {
    if (!(BOOKABLE_ROLES as readonly string[]).includes(account.role)) continue;
    const gridCode = account.areas.find((a) => areaLevelOf(a) === 'grid');
    if (!gridCode) continue;
    await bookings.putAvailability({
      gridCode,
      workerId: userIdOf(account.code),
      workerName: data.workers.find((w) => w.devLogin === account.code)?.name ?? account.name,
      availability: DEMO_AVAILABILITY,
      updatedAt: now.toISOString(),
    });
  }
}
