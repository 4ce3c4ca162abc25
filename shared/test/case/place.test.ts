import { loadDemoCity } from '../../src/city/demo';
import { draftCase, placeCase } from '../../src/case';
import { createWorkingCalendar, planDispatchDeadline } from '../../src/deadlines';
import { wgs84ToGcj02 } from '../../src/geo/coords';
import { interiorPoint } from '../../src/geo/interior-point';
import { createCityDirectory } from '../../src/routing';
import { caught } from './fixtures';

const city = loadDemoCity();
const directory = createCityDirectory(city);
const calendar = createWorkingCalendar();
const grid = city.grids[3]!;
const point = interiorPoint(grid.geometry)!;
const item = city.items.find((i) => i.active)!;
const at = new Date('2026-12-07T02:00:00.000Z');

describe('placeCase → draftCase', () => {
  it('places a point in its grid, routes the item there and plans the 派遣 deadline', () => {
    const placed = placeCase(directory, calendar, { item, point: { ...point, coord: 'wgs84' }, address: '榕溪路 8 号', submittedAt: at });

    expect(placed.location).toMatchObject({ gridCode: grid.code, communityCode: grid.communityCode, lng: point.lng, lat: point.lat, address: '榕溪路 8 号' });
    expect(placed.location.geohash).toHaveLength(9);
    expect(placed.routing).toEqual(directory.route(grid.code, item.code));
    expect(placed.urgency).toBe(item.defaultUrgency);
    expect(placed.dispatchDeadline).toBe(planDispatchDeadline({ calendar, limits: item.timeLimits, urgency: item.defaultUrgency, submittedAt: at }));
  });

  it('reads a GCJ-02 point as WeChat maps give it, and keeps the resident’s urgency', () => {
    const [lng, lat] = wgs84ToGcj02(point.lng, point.lat);
    const placed = placeCase(directory, calendar, { item, point: { lng, lat, coord: 'gcj02' }, address: '', urgency: 'urgent', submittedAt: at });

    expect(placed.location.gridCode).toBe(grid.code);
    expect(placed.urgency).toBe('urgent');
  });

  it('refuses a point outside every grid at `location`', () => {
    expect(caught(() => placeCase(directory, calendar, { item, point: { lng: 0, lat: 0, coord: 'wgs84' }, address: '', submittedAt: at }))).toMatchObject({
      code: 'CASE.OUTSIDE_SERVICE_AREA',
      problems: [{ path: 'location', message: 'no grid here' }],
    });
  });

  it('drafts the placed report as a submitted case whose first event names the grid and department', () => {
    const placed = placeCase(directory, calendar, { item, point: { ...point, coord: 'wgs84' }, address: '榕溪路 8 号', submittedAt: at });
    const c = draftCase({ ...placed, id: 'C0000000000009', residentId: 'u-res-9', description: '路灯不亮', answers: {}, photos: [], anonymous: false, now: at });

    expect(c).toMatchObject({ status: 'submitted', version: 0, itemCode: item.code, itemName: item.name, location: placed.location, routing: placed.routing });
    expect(c.timeline[0]).toMatchObject({ action: 'submit', data: { gridCode: grid.code, departmentId: placed.routing.departmentId } });
  });
});
