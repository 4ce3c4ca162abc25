import { loadDemoCity } from '../../src/city/demo';
import { DomainError } from '../../src/case/errors';
import { createCityDirectory } from '../../src/routing';
import { validateReport } from '../../src/report/validate-report';
import { catalogItemSchema, CITY_HOTLINE, hotlineNumber, OTHER_ITEM_CODE, type CatalogItem } from '../../src/schemas/catalog';

const city = loadDemoCity();
const item = (code: string): CatalogItem => city.items.find((i) => i.code === code)!;
const report = { photos: [], answers: {}, anonymous: false, description: '' };

const base = {
  code: 'E0599',
  name: '测试',
  kind: 'event',
  category: '突发事件',
  icon: '⚠️',
  defaultUrgency: 'urgent',
  timeLimits: { dispatch: { amount: 1, unit: 'calendarHours' }, handling: { urgent: { amount: 2, unit: 'calendarHours' }, important: { amount: 2, unit: 'calendarHours' }, normal: { amount: 24, unit: 'calendarHours' } } },
} as const;

describe('catalog items: safety notice, hotlines, hotline-only', () => {
  it('gives the gas leak its advice and the gas repair line first', () => {
    const gas = item('E0502');

    expect(gas.safetyNotice).toContain('请立即远离现场');
    expect(gas.safetyNotice).toContain('勿开关电器');
    expect(gas.hotlines[0]).toEqual({ name: '燃气抢修', number: '96833' });
    expect(gas.hotlineOnly).toBe(false);
  });

  it('gives every 突发事件 item advice and a number to call', () => {
    const emergencies = city.items.filter((i) => i.category === '突发事件');

    expect(emergencies.length).toBeGreaterThanOrEqual(5);
    for (const e of emergencies) {
      expect([e.code, e.safetyNotice?.length ?? 0]).not.toEqual([e.code, 0]);
      expect([e.code, e.hotlines.length]).not.toEqual([e.code, 0]);
    }
  });

  it('marks a fire hotline-only, with 119', () => {
    const fire = city.items.find((i) => i.name === '火灾')!;

    expect(fire.hotlineOnly).toBe(true);
    expect(fire.hotlines.map((h) => h.number)).toContain('119');
  });

  it('defaults an item without them to no notice, no hotlines, a report', () => {
    const parsed = catalogItemSchema.parse(base);

    expect(parsed.safetyNotice).toBeUndefined();
    expect(parsed.hotlines).toEqual([]);
    expect(parsed.hotlineOnly).toBe(false);
    expect(parsed.descriptionRequired).toBe(false);
  });

  it('refuses a hotline-only item without a number or without advice', () => {
    expect(catalogItemSchema.safeParse({ ...base, hotlineOnly: true, safetyNotice: '快跑' }).error?.issues[0]?.path).toEqual(['hotlineOnly']);
    expect(catalogItemSchema.safeParse({ ...base, hotlineOnly: true, hotlines: [{ name: '119', number: '119' }] }).error?.issues[0]?.path).toEqual(['hotlineOnly']);
  });

  it('refuses a hotline number with letters in it', () => {
    const result = catalogItemSchema.safeParse({ ...base, hotlines: [{ name: '燃气抢修', number: '9683x' }] });

    expect(result.error?.issues[0]?.path).toEqual(['hotlines', 0, 'number']);
  });

  it('dials a district its own number where it has one, the common one otherwise', () => {
    const gas = catalogItemSchema.parse({ ...base, hotlines: [{ name: '燃气抢修', number: '96833', byDistrict: { '440111': '020-86000000' } }] }).hotlines[0]!;

    expect(hotlineNumber(gas, '440111')).toBe('020-86000000');
    expect(hotlineNumber(gas, '440106')).toBe('96833');
    expect(hotlineNumber(gas)).toBe('96833');
  });

  it('refuses a report of a hotline-only item, naming the number to call', () => {
    const fire = city.items.find((i) => i.hotlineOnly)!;

    expect(() => validateReport(fire, report)).toThrow(DomainError);
    expect(() => validateReport(fire, report)).toThrow(/119/);
  });
});

describe('the 其他问题 item', () => {
  const other = item(OTHER_ITEM_CODE);

  it('is the last item of the catalog, with 12345 beside it', () => {
    expect(other.name).toBe('其他问题');
    expect(city.items.at(-1)!.code).toBe(OTHER_ITEM_CODE);
    expect(other.hotlines).toContainEqual(CITY_HOTLINE);
  });

  it('needs a description and takes one', () => {
    let error: unknown;
    try {
      validateReport(other, report);
    } catch (e) {
      error = e;
    }

    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('REPORT.VALIDATION');
    expect((error as DomainError).problems).toEqual([{ path: 'description', message: '请描述遇到的问题' }]);
    expect(() => validateReport(other, { ...report, description: '   ' })).toThrow(DomainError);
    expect(() => validateReport(other, { ...report, description: '小区门口的井盖响' })).not.toThrow();
  });

  it('has no 权责清单 entry, so it goes to the dispatcher', () => {
    const directory = createCityDirectory(city);

    expect(city.matrix.some((m) => m.itemCode === OTHER_ITEM_CODE)).toBe(false);
    expect(directory.route(city.grids[0]!.code, OTHER_ITEM_CODE).via).toBe('dispatcher');
  });
});
