import { formatDutyHours, onDuty } from '../../src/routing';

const weekdayShift = { dutyHours: [{ weekdays: [1, 2, 3, 4, 5], from: '08:30', to: '17:30' }] };

describe('onDuty', () => {
  // 2025-03-03 is a Monday.
  it('reads the duty hours in Shanghai time, not UTC', () => {
    expect(onDuty(weekdayShift, new Date('2025-03-03T01:30:00Z'))).toBe(true); // 09:30 in Guangzhou
    expect(onDuty(weekdayShift, new Date('2025-03-03T10:00:00Z'))).toBe(false); // 18:00 in Guangzhou
    expect(onDuty(weekdayShift, new Date('2025-03-02T23:00:00Z'))).toBe(false); // Monday 07:00
  });

  it('treats the end of a shift as off duty and weekends as off', () => {
    expect(onDuty(weekdayShift, new Date('2025-03-03T17:29:00+08:00'))).toBe(true);
    expect(onDuty(weekdayShift, new Date('2025-03-03T17:30:00+08:00'))).toBe(false);
    expect(onDuty(weekdayShift, new Date('2025-03-08T10:00:00+08:00'))).toBe(false);
  });

  it('keeps a night shift on duty past midnight, on the day after it starts only', () => {
    const night = { dutyHours: [{ weekdays: [5], from: '22:00', to: '06:00' }] };
    expect(onDuty(night, new Date('2025-03-07T23:00:00+08:00'))).toBe(true); // Friday night
    expect(onDuty(night, new Date('2025-03-08T05:00:00+08:00'))).toBe(true); // Saturday early
    expect(onDuty(night, new Date('2025-03-08T07:00:00+08:00'))).toBe(false);
    expect(onDuty(night, new Date('2025-03-07T05:00:00+08:00'))).toBe(false); // Friday early: Thursday has no shift
  });
});

describe('formatDutyHours', () => {
  it('writes duty hours the way a resident reads them', () => {
    expect(formatDutyHours([
      { weekdays: [1, 2, 3, 4, 5], from: '08:30', to: '17:30' },
      { weekdays: [6], from: '09:00', to: '17:00' },
    ])).toBe('周一至周五 08:30–17:30；周六 09:00–17:00');
    expect(formatDutyHours([{ weekdays: [2, 4], from: '14:00', to: '18:00' }])).toBe('周二、周四 14:00–18:00');
  });
});
