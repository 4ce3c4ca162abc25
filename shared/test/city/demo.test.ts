import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDemoCityData, serializeDemoCity } from '../../src/city/demo-data';
import { loadDemoCity } from '../../src/city/demo';
import { COMPONENT_CLASSES, EVENT_CLASSES } from '../../src/schemas/catalog';
import { createCityDirectory } from '../../src/routing';

const city = loadDemoCity();

describe('the committed demo city', () => {
  it('is exactly what `npx tsx shared/scripts/build-demo-city.ts` writes', () => {
    const committed = readFileSync(join(__dirname, '../../data/demo-city.json'), 'utf8');
    // If this fails: run the script and commit shared/data/demo-city.json.
    expect(committed === serializeDemoCity()).toBe(true);
    expect(loadDemoCity()).toEqual(buildDemoCityData());
  });

  it('hands each caller its own copy', () => {
    const mine = loadDemoCity();
    mine.items[0]!.name = '改过的名字';
    expect(loadDemoCity().items[0]!.name).not.toBe('改过的名字');
  });

  it('is a district of 3 streets, at least 10 communities and 60 grids', () => {
    expect(city.districts).toEqual([{ code: '440106', name: '天河区', city: '广州市', shortCode: 'TH' }]);
    expect(city.streets).toHaveLength(3);
    expect(city.communities.length).toBeGreaterThanOrEqual(10);
    expect(city.grids.length).toBeGreaterThanOrEqual(60);
  });

  it('staffs every grid with three distinct people with plausible, unique names and fictional phones', () => {
    expect(city.workers).toHaveLength(city.grids.length * 3);
    const names = city.workers.map((w) => w.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[\u4e00-\u9fa5]{2,4}$/);
    const phones = city.workers.map((w) => w.phone);
    expect(new Set(phones).size).toBe(phones.length);
    for (const phone of phones) expect(phone).toMatch(/^19900\d{6}$/);
  });

  it('has at least 8 departments beyond the command centres, a centre per street and one for the district', () => {
    expect(city.departments.filter((d) => !d.isDispatcher).length).toBeGreaterThanOrEqual(8);
    const centres = city.departments.filter((d) => d.isDispatcher).map((d) => d.areaCode).sort();
    expect(centres).toEqual(['440106', ...city.streets.map((s) => s.code)].sort());
  });

  it('offers at least 25 items covering every GB/T 30428 class, each with an icon', () => {
    expect(city.items.length).toBeGreaterThanOrEqual(25);
    const classes = (kind: string) => new Set(city.items.filter((i) => i.kind === kind).map((i) => i.category));
    expect([...classes('component')].sort()).toEqual([...COMPONENT_CLASSES].sort());
    expect([...classes('event')].sort()).toEqual([...EVENT_CLASSES].sort());
    for (const item of city.items) expect(item.icon.length).toBeGreaterThan(0);
  });

  it('uses the reference handling limits from practice', () => {
    const byName = (name: string) => city.items.find((i) => i.name === name)!;
    expect(byName('暴露垃圾').timeLimits.handling.normal).toEqual({ amount: 4, unit: 'workingHours' });
    expect(byName('道路不洁').timeLimits.handling.normal).toEqual({ amount: 5, unit: 'workingHours' });
    expect(byName('违法搭建').timeLimits.handling.normal).toEqual({ amount: 15, unit: 'workingDays' });
    for (const item of city.items.filter((i) => i.defaultUrgency === 'urgent')) {
      expect(item.timeLimits.handling.urgent).toEqual({ amount: 2, unit: 'calendarHours' });
    }
  });

  it('lists at least 6 代办 services, each with the materials to have ready', () => {
    expect(city.services.length).toBeGreaterThanOrEqual(6);
    expect(city.services.map((s) => s.name)).toEqual(expect.arrayContaining(['身份证换领/补领', '户口迁入', '老年人优待证', '残疾人证申领']));
    for (const s of city.services) expect(s.materials.some((m) => m.required)).toBe(true);
  });

  it('has 权责清单 entries at district, street, community and grid scope', () => {
    const lengths = new Set(city.matrix.map((m) => m.areaCode.length));
    expect([...lengths].sort((a, b) => a - b)).toEqual([6, 9, 12, 15]);
  });

  it('places every building of the non-map picker inside its own community', () => {
    const directory = createCityDirectory(city);
    for (const community of city.communities) {
      expect(community.places.length).toBeGreaterThan(0);
      for (const place of community.places) {
        expect({ place: place.name, community: directory.locate(place.lng, place.lat, 'wgs84')?.community.code }).toEqual({ place: place.name, community: community.code });
      }
    }
  });
});
