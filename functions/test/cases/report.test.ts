import { createCaseRequestSchema } from '@gridtong/shared/api/cases';
import { placeCase } from '@gridtong/shared/case/index';
import { wgs84ToGcj02 } from '@gridtong/shared/geo/coords';
import { workingCalendar } from '../../src/calendar';
import { fileReport } from '../../src/cases/report';
import { findWorkCase } from '../../src/cases/desk-actions';
import { admit } from '../../src/http/route';
import { routes } from '@gridtong/shared/api/routes';
import type { RequestContext } from '../../src/context';
import { memoryWorld, type MemoryWorld } from '../doubles';
import { city, ctxOf, directory, GRID, OTHER_GRID, pointIn, resident, simpleItem, staffIn, T0 } from './world';
import { refusal } from '../refusal';

let world: MemoryWorld;

const reportLimit = routes.find((r) => r.id === 'create-case')!.rateLimit!;
/** The create-case route's own limit, as the route counts it when a report is accepted. */
const file = (ctx: RequestContext, body: ReturnType<typeof request>) => fileReport(world, ctx, body, () => admit(reportLimit, ctx.principal, '', world, ctx.now));

beforeEach(() => {
  world = memoryWorld({ caseRateLimitPerHour: 2 });
});


let uploads = 0;

function request(residentId: string, overrides: Record<string, unknown> = {}) {
  const point = pointIn(GRID);
  const photo = world.bucket.upload(residentId, `01UPLOAD${++uploads}.jpg`);
  return createCaseRequestSchema.parse({
    itemCode: simpleItem.code,
    description: '人行道上的井盖松动，踩上去会晃',
    location: { ...point, coord: 'wgs84', address: '榕溪路 8 号' },
    photos: [photo],
    ...overrides,
  });
}

describe('reporting a case (placeCase → draftCase)', () => {
  it('places the report in the grid at the point, routes it by the 权责清单, plans its 派遣 deadline, and stores it as submitted', async () => {
    const body = request('Rrep1');

    const filed = await file(ctxOf(resident('Rrep1')), body);

    const placed = placeCase(directory, workingCalendar(), { item: simpleItem, point: body.location, address: '榕溪路 8 号', submittedAt: T0 });
    expect(filed).toMatchObject({ status: 'submitted', version: 0, residentId: 'Rrep1', itemCode: simpleItem.code, urgency: simpleItem.defaultUrgency });
    expect(filed.location).toEqual(placed.location);
    expect(filed.location.gridCode).toBe(GRID);
    expect(filed.routing).toEqual(directory.route(GRID, simpleItem.code));
    expect(filed.dispatchDeadline).toBe(placed.dispatchDeadline);
    expect(filed.timeline).toEqual([expect.objectContaining({ action: 'submit', to: 'submitted', at: T0.toISOString() })]);
    // The case keeps its own copies of the photos.
    expect(filed.photos[0]?.key.startsWith(`cases/${filed.id}/`)).toBe(true);
    expect(await world.cases.get(filed.id)).toEqual(filed);
  });

  it('finds the same grid for a GCJ-02 point (what WeChat maps answer in) and keeps the WGS-84 point', async () => {
    const wgs = pointIn(GRID);
    const [lng, lat] = wgs84ToGcj02(wgs.lng, wgs.lat);

    const filed = await file(ctxOf(resident('Rrep2')), request('Rrep2', { location: { lng, lat, coord: 'gcj02', address: '榕溪路' } }));

    expect(filed.location.gridCode).toBe(GRID);
    expect(filed.location.lng).toBeCloseTo(wgs.lng, 4);
    expect(filed.location.lat).toBeCloseTo(wgs.lat, 4);
  });

  it('refuses an unknown item, a point outside every grid and someone else’s photo, where the caller sent them, writing nothing', async () => {
    const unknown = await refusal(file(ctxOf(resident('Rrep3')), request('Rrep3', { itemCode: 'NOPE' })));
    const outside = await refusal(file(ctxOf(resident('Rrep3')), request('Rrep3', { location: { lng: 0, lat: 0, coord: 'wgs84', address: '' } })));
    const foreign = await refusal(file(ctxOf(resident('Rrep3')), request('Rrep3', { photos: [world.bucket.upload('Rother', '01X.jpg')] })));
    const noPhoto = await refusal(file(ctxOf(resident('Rrep3')), request('Rrep3', { photos: [] })));

    expect([unknown.code, outside.code, foreign.code, noPhoto.code]).toEqual(['CASE.UNKNOWN_ITEM', 'CASE.OUTSIDE_SERVICE_AREA', 'CASE.PHOTO_NOT_OWNED', 'REPORT.VALIDATION']);
    expect([unknown.problems[0]?.path, outside.problems[0]?.path, foreign.problems[0]?.path, noPhoto.problems[0]?.path]).toEqual(['body.itemCode', 'body.location', 'body.photos.0.key', 'body.photos']);
    expect(world.cases.writes).toBe(0);
  });

  it('takes the hourly quota only for reports that would be filed', async () => {
    const me = ctxOf(resident('Rrep4'));
    await refusal(file(me, request('Rrep4', { itemCode: 'NOPE' })));

    await file(me, request('Rrep4'));
    await file(me, request('Rrep4'));
    const third = await refusal(file(me, request('Rrep4')));

    expect(third.code).toBe('CASE.RATE_LIMITED');
    expect(third.retryAfterSeconds).toBeGreaterThan(0);
    expect(world.cases.writes).toBe(2);
  });
});

describe('受理编号 (case number)', () => {
  it('numbers each filed report by district and Beijing day, in order; a refused report draws none', async () => {
    await refusal(file(ctxOf(resident('Rno1')), request('Rno1', { itemCode: 'NOPE' })));

    const first = await file(ctxOf(resident('Rno1')), request('Rno1'));
    const second = await file(ctxOf(resident('Rno2')), request('Rno2'));
    // 2026-12-08 01:00 in Beijing is a new day
    const nextDay = await file(ctxOf(resident('Rno2'), new Date('2026-12-07T17:00:00.000Z')), request('Rno2'));

    expect([first.caseNumber, second.caseNumber, nextDay.caseNumber]).toEqual(['TH2612070001', 'TH2612070002', 'TH2612080001']);
    expect((await world.cases.get(first.id))?.caseNumber).toBe('TH2612070001');
    expect(await world.caseNumbers.find('TH2612070002')).toBe(second.id);
  });

  it('lets staff find a case by its number only within their scope, else exactly not found', async () => {
    const filed = await file(ctxOf(resident('Rno3')), request('Rno3'));
    const find = (principal: Parameters<typeof ctxOf>[0], n: string) => findWorkCase(world, ctxOf(principal), n);

    expect(await find(staffIn('gridWorker', [GRID]), filed.caseNumber!)).toEqual({ id: filed.id, caseNumber: filed.caseNumber });
    expect(await find(staffIn('dispatcher', [city.districts[0]!.code]), filed.caseNumber!)).toEqual({ id: filed.id, caseNumber: filed.caseNumber });
    const outside = await refusal(find(staffIn('gridWorker', [OTHER_GRID]), filed.caseNumber!));
    const missing = await refusal(find(staffIn('gridWorker', [GRID]), 'TH2612079999'));
    expect([outside.code, missing.code]).toEqual(['CASE.NOT_FOUND', 'CASE.NOT_FOUND']);
    expect(outside.message).toBe(missing.message);
  });
});
