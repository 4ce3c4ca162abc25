import { formatClock, formatDateTime, formatDayLabel, formatFullDate, formatMonthDay, formatMonthDayTime, formatSlotTime, weekdayName } from '../src/deadlines/beijing-format';
import { grantUpload, UPLOAD_MAX_BYTES, UPLOAD_MIN_BYTES, UPLOAD_POLICY_SECONDS } from '../src/report/upload-policy';
import { ancestors, areaAt, areaChain, areaLevelOf } from '../src/schemas/common';
import { ALL_STAFF_ROLES, GRID_STAFF_ROLES, isGridStaff, roleSchema, SIGNED_IN_ROLES } from '../src/schemas/roles';

const GRID = '440106001001003';

describe('area codes', () => {
  it('name their level by length and begin with the codes above them', () => {
    expect([6, 9, 12, 15, 7].map((n) => areaLevelOf(GRID.slice(0, n)))).toEqual(['district', 'street', 'community', 'grid', null]);
    expect(areaAt(GRID, 'street')).toBe('440106001');
    expect(ancestors(GRID)).toEqual({ grid: GRID, community: '440106001001', street: '440106001', district: '440106' });
    expect(areaChain(GRID)).toEqual([GRID, '440106001001', '440106001', '440106']);
  });
});

describe('role groups', () => {
  it('cover everyone signed in, every staff role, and the grid staff', () => {
    expect([...SIGNED_IN_ROLES].sort()).toEqual([...roleSchema.options].sort());
    expect(ALL_STAFF_ROLES).not.toContain('resident');
    expect(GRID_STAFF_ROLES).toEqual(['gridWorker', 'gridLeader']);
    expect(isGridStaff('gridLeader')).toBe(true);
    expect(isGridStaff('supervisor')).toBe(false);
  });
});

describe('Beijing time', () => {
  // 2026-12-08 14:05 in Beijing, a Tuesday.
  const at = '2026-12-08T06:05:00.000Z';

  it('reads the same whatever the zone of the machine', () => {
    expect(formatMonthDay(at)).toBe('12月8日');
    expect(formatClock(at)).toBe('14:05');
    expect(formatMonthDayTime(at)).toBe('12月8日 14:05');
    expect(formatSlotTime(at)).toBe('12月8日（周二）14:05');
    expect(formatDayLabel('2026-12-08')).toBe('12月8日 周二');
    expect(formatDateTime(Date.parse(at))).toBe('2026-12-08 14:05');
    expect(formatFullDate(new Date(at))).toBe('2026年12月8日');
    expect(formatMonthDayTime('2026-12-07T16:30:00Z')).toBe('12月8日 00:30');
  });

  it('names weekdays from Sunday, and ISO 7 as Sunday too', () => {
    expect([0, 1, 6, 7].map(weekdayName)).toEqual(['周日', '周一', '周六', '周日']);
  });
});

describe('the upload policy', () => {
  const now = new Date('2026-12-08T06:05:00.000Z');

  it('grants the caller their own key, the exact size and five minutes', () => {
    const grant = grantUpload('U1', 'image/png', 4096, '01ABC', now);
    expect(grant).toEqual({ key: 'uploads/U1/01ABC.png', contentType: 'image/png', size: 4096, validitySeconds: UPLOAD_POLICY_SECONDS, expiresAt: '2026-12-08T06:10:00.000Z' });
  });

  it('refuses other types and sizes outside the range', () => {
    expect(() => grantUpload('U1', 'image/gif', 4096, 'x', now)).toThrow(expect.objectContaining({ code: 'UPLOAD.UNSUPPORTED_TYPE' }));
    expect(() => grantUpload('U1', 'image/jpeg', UPLOAD_MAX_BYTES + 1, 'x', now)).toThrow(expect.objectContaining({ code: 'UPLOAD.TOO_LARGE' }));
    expect(() => grantUpload('U1', 'image/jpeg', UPLOAD_MIN_BYTES - 1, 'x', now)).toThrow(expect.objectContaining({ code: 'UPLOAD.TOO_SMALL' }));
  });
});
