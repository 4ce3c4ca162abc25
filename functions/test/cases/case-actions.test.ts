import { type DomainError } from '@gridtong/shared/errors';
import type { Case } from '@gridtong/shared/schemas/case';
import { actOnCase } from '../../src/cases/case-actions';
import { actOnWorkCase, readWorkCase } from '../../src/cases/desk-actions';
import { conflictAggregate } from '../../src/conflict';
import { at, ctxOf, GRID, OTHER_GRID, resident, seededWorld, staffIn, T0, type Seeded } from './world';
import { refusal } from '../refusal';

let world: Seeded;

beforeEach(() => {
  world = seededWorld();
});

const gridWorker = (gridCode: string) => staffIn('gridWorker', [gridCode], 'Sgw');


describe('actOnCase', () => {
  it('lets the reporter cancel a submitted case and records it once, version + 1', async () => {
    // Prepare
    const filed = await world.report('Ract1');
    // Act
    const { caseItem, event } = await actOnCase(world, ctxOf(resident('Ract1')), filed.id, { type: 'cancel', reason: '已自行处理', version: 0 });
    // Assess
    const stored = await world.cases.get(filed.id);
    expect(caseItem.status).toBe('cancelled');
    expect(event.action).toBe('cancel');
    expect(stored?.version).toBe(1);
    expect(stored?.status).toBe('cancelled');
  });

  it("answers CASE.NOT_FOUND for someone else's case and for a case outside a worker's grids", async () => {
    const filed = await world.report('Ract2');

    const stranger = await refusal(actOnCase(world, ctxOf(resident('Rstranger')), filed.id, { type: 'urge', version: 0 }));
    const worker = await refusal(actOnCase(world, ctxOf(gridWorker(OTHER_GRID)), filed.id, { type: 'file', version: 0 }));
    const missing = await refusal(actOnCase(world, ctxOf(resident('Ract2')), 'C00000000000NOTHERE', { type: 'urge', version: 0 }));

    expect([stranger.code, worker.code, missing.code]).toEqual(['CASE.NOT_FOUND', 'CASE.NOT_FOUND', 'CASE.NOT_FOUND']);
    expect((await world.cases.get(filed.id))?.version).toBe(0);
  });

  it('refuses a stale version with the current case, which the edge reduces to the caller view', async () => {
    const filed = await world.report('Ract3');
    const moved = await world.staff(filed, { type: 'file' });

    const stale = await refusal(actOnCase(world, ctxOf(resident('Ract3')), filed.id, { type: 'cancel', version: 0 }));
    // What the route's conflictView hook does at the edge.
    const current = conflictAggregate(stale) as Case;
    const shown = stale.withCurrent({ id: current.id, status: current.status, version: current.version });

    expect(stale.code).toBe('CASE.VERSION_CONFLICT');
    expect(stale.current).toBeUndefined();
    expect(current).toEqual(moved);
    expect(shown.current).toEqual({ id: filed.id, status: 'filed', version: moved.version });
  });

  it('lets a grid worker file a case in their grid (the same service staff routes use)', async () => {
    const filed = await world.report('Ract4');

    const { caseItem } = await actOnCase(world, ctxOf(gridWorker(filed.location.gridCode), T0, '测试网格员'), filed.id, { type: 'file', note: '现场核实属实', version: 0 });

    expect(caseItem.status).toBe('filed');
    expect(caseItem.timeline.at(-1)?.actor).toEqual({ role: 'gridWorker', userId: 'Sgw', name: '测试网格员' });
  });

  it('refuses supplement photos that are not the actor’s own uploads, and changes nothing', async () => {
    const filed = await world.report('Ract5');
    const asked = await world.staff(filed, { type: 'requestInfo', question: '请补充井盖的近景照片' });

    const foreign = await refusal(actOnCase(world, ctxOf(resident('Ract5')), filed.id, { type: 'supplement', photos: [{ key: 'uploads/Rsomeoneelse/01ABCDEF.jpg' }], version: asked.version }));
    const missing = await refusal(actOnCase(world, ctxOf(resident('Ract5')), filed.id, { type: 'supplement', photos: [{ key: 'uploads/Ract5/01NOTUPLOADED.jpg' }], version: asked.version }));

    expect(foreign.code).toBe('CASE.PHOTO_NOT_OWNED');
    expect(foreign.problems[0]?.path).toBe('body.photos.0.key');
    expect(missing.code).toBe('CASE.PHOTO_MISSING');
    expect((await world.cases.get(filed.id))?.version).toBe(asked.version);
  });

  it('turns a concurrent change between read and write into a conflict, never an overwrite', async () => {
    const filed = await world.report('Ract6');
    // Two cancels decided on the same version: exactly one lands.
    const results = await Promise.allSettled([
      actOnCase(world, ctxOf(resident('Ract6')), filed.id, { type: 'cancel', reason: '甲', version: 0 }),
      actOnCase(world, ctxOf(resident('Ract6')), filed.id, { type: 'cancel', reason: '乙', version: 0 }),
    ]);

    const refused = results.filter((r) => r.status === 'rejected');
    const stored = await world.cases.get(filed.id);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(((refused[0] as PromiseRejectedResult).reason as DomainError).code).toBe('CASE.VERSION_CONFLICT');
    expect(conflictAggregate((refused[0] as PromiseRejectedResult).reason)).toMatchObject({ id: filed.id, status: 'cancelled', version: 1 });
    expect(stored?.timeline.filter((e) => e.action === 'cancel')).toHaveLength(1);
  });
});

describe('a resident acting on their own case', () => {
  it('urges (催办) once a day, and adds what was asked for (补充) with their own uploads, which the case adopts', async () => {
    const filed = await world.report('Rres1');
    const me = resident('Rres1');

    const urged = await actOnCase(world, ctxOf(me, at(10)), filed.id, { type: 'urge', version: 0 });
    const tooSoon = await refusal(actOnCase(world, ctxOf(me, at(20)), filed.id, { type: 'urge', version: urged.caseItem.version }));
    expect(urged.caseItem).toMatchObject({ status: 'submitted', urgeCount: 1 });
    expect(tooSoon.code).toBe('CASE.RATE_LIMITED');

    const asked = await world.staff(urged.caseItem, { type: 'requestInfo', question: '请补充近景照片' });
    const photo = world.bucket.upload('Rres1', '01PHOTO.jpg');
    const { caseItem } = await actOnCase(world, ctxOf(me, at(30)), filed.id, { type: 'supplement', text: '已补充', photos: [photo], version: asked.version });

    expect(caseItem.status).toBe('submitted');
    expect(JSON.stringify(caseItem.timeline.at(-1))).toContain(`cases/${filed.id}/01PHOTO.jpg`);
    expect(world.bucket.keys.has(`cases/${filed.id}/01PHOTO.jpg`)).toBe(true);
  });

  it('rates a closed case, and asks for 重办 only once it is rated dissatisfied', async () => {
    const filed = await world.report('Rres2');
    const me = resident('Rres2');
    const closed = await world.staff(
      filed,
      { type: 'file' },
      { type: 'dispatch', departmentId: filed.routing.departmentId, handlingDeadline: at(60 * 24 * 5).toISOString() },
      { type: 'accept' },
      { type: 'startHandling' },
      { type: 'handle', notes: '已更换井盖' },
      { type: 'checkPass' },
    );

    const early = await refusal(actOnCase(world, ctxOf(me, at(60)), filed.id, { type: 'requestReopen', reason: '还是松的', version: closed.version }));
    const rated = await actOnCase(world, ctxOf(me, at(60)), filed.id, { type: 'rate', level: 'dissatisfied', comment: '还是松的', version: closed.version });
    const reopen = await actOnCase(world, ctxOf(me, at(61)), filed.id, { type: 'requestReopen', reason: '井盖仍然松动', version: rated.caseItem.version });

    expect(early.code).toBe('CASE.INVALID_TRANSITION');
    expect(rated.caseItem).toMatchObject({ status: 'rated', rating: { level: 'dissatisfied' } });
    expect(reopen.caseItem).toMatchObject({ status: 'rated', reopenRequested: true });
    expect((await world.cases.get(filed.id))?.version).toBe(reopen.caseItem.version);
  });

  it('cannot withdraw (撤单) once the case is filed', async () => {
    const filed = await world.report('Rres3');
    const moved = await world.staff(filed, { type: 'file' });

    const refused = await refusal(actOnCase(world, ctxOf(resident('Rres3')), filed.id, { type: 'cancel', version: moved.version }));

    expect(refused.code).toBe('CASE.INVALID_TRANSITION');
    expect((await world.cases.get(filed.id))?.status).toBe('filed');
  });
});

describe('staff working a case', () => {
  it('takes a case from 立案 through 派遣, 签收, 处置 to 核查, each on the version it read', async () => {
    const filed = await world.report('Rstaff1');
    const worker = gridWorker(GRID);
    const dispatcher = staffIn('dispatcher', [GRID.slice(0, 9)], 'Sdispatcher');
    const department = staffIn('departmentHandler', [], 'Sdept', filed.routing.departmentId);

    const onFile = await actOnWorkCase(world, ctxOf(worker, at(1), '网格员小李'), filed.id, { type: 'file', version: 0 });
    // Before dispatch, the department the 权责清单 points at cannot even see the case.
    const early = await refusal(readWorkCase(world, ctxOf(department, at(2)), filed.id, null));
    // Dispatch defaults: the 权责清单 department and the item's handling limit from now.
    const dispatched = await actOnWorkCase(world, ctxOf(dispatcher, at(2)), filed.id, { type: 'dispatch', version: onFile.version });
    const accepted = await actOnWorkCase(world, ctxOf(department, at(3)), filed.id, { type: 'accept', version: dispatched.version });
    const handling = await actOnWorkCase(world, ctxOf(department, at(4)), filed.id, { type: 'startHandling', version: accepted.version });
    const handled = await actOnWorkCase(world, ctxOf(department, at(5)), filed.id, { type: 'handle', notes: '已更换井盖', version: handling.version });
    const closed = await actOnWorkCase(world, ctxOf(worker, at(6)), filed.id, { type: 'checkPass', version: handled.version });

    expect(early.code).toBe('CASE.NOT_FOUND');
    expect([onFile, dispatched, accepted, handling, handled, closed].map((c) => c.status)).toEqual(['filed', 'dispatched', 'accepted', 'handling', 'handled', 'closed']);
    expect(dispatched.routing.departmentId).toBe(filed.routing.departmentId);
    expect(dispatched.handlingDeadline).toBeDefined();
    expect(closed.version).toBe(6);
    expect(onFile.timeline.at(-1)?.actor).toMatchObject({ name: '网格员小李' });
    expect((await world.cases.get(filed.id))?.status).toBe('closed');
  });

  it('answers a stale staff action with the domain conflict carrying the current case', async () => {
    const filed = await world.report('Rstaff2');
    const moved = await world.staff(filed, { type: 'file' });

    const stale = await refusal(actOnWorkCase(world, ctxOf(gridWorker(GRID), at(2)), filed.id, { type: 'file', version: 0 }));

    expect(stale.code).toBe('CASE.VERSION_CONFLICT');
    expect(conflictAggregate(stale)).toEqual(moved);
  });

  it('refuses a dispatch to an unknown department before anything is written', async () => {
    const filed = await world.report('Rstaff3');
    const moved = await world.staff(filed, { type: 'file' });
    const writes = world.cases.writes;

    const refused = await refusal(actOnWorkCase(world, ctxOf(staffIn('dispatcher', [GRID.slice(0, 9)]), at(2)), filed.id, { type: 'dispatch', departmentId: 'D-NONE', version: moved.version }));

    expect(refused.code).toBe('CASE.VALIDATION');
    expect(refused.problems[0]?.path).toBe('body.departmentId');
    expect(world.cases.writes).toBe(writes);
  });

  it('hides a case outside an admin’s areas though the domain lets admins act anywhere', async () => {
    const filed = await world.report('Rstaff4');
    const elsewhere = staffIn('admin', [OTHER_GRID], 'Sadmin');

    const read = await refusal(readWorkCase(world, ctxOf(elsewhere), filed.id, null));
    const act = await refusal(actOnWorkCase(world, ctxOf(elsewhere), filed.id, { type: 'file', version: 0 }));

    expect([read.code, act.code]).toEqual(['CASE.NOT_FOUND', 'CASE.NOT_FOUND']);
  });

  it('records a reveal of the reporter’s phone before it is shown, and shows nothing without one', async () => {
    const filed = await world.report('Rstaff5');
    const withPhone = { ...filed, contactPhone: '13800138000', version: 1 };
    await world.cases.save(withPhone);

    const plain = await readWorkCase(world, ctxOf(gridWorker(GRID)), filed.id, null);
    const revealed = await readWorkCase(world, ctxOf(gridWorker(GRID), at(1), '网格员小李'), filed.id, { reason: '电话核实位置' });

    expect(plain.revealContact).toBe(false);
    expect(revealed.revealContact).toBe(true);
    expect((await world.cases.get(filed.id))?.version).toBe(2);
  });
});
