import { startLocalStack, type LocalStack } from '@gridtong/functions/local/stack';
import { actOnCase, conflictWithView } from '@gridtong/functions/cases/resident-actions';
import { isDomainError, type DomainError } from '@gridtong/shared/errors';
import type { Principal } from '@gridtong/shared/schemas/roles';
import { city } from '../support/places';
import { seeder, type Seeder } from '../support/seed-cases';

jest.setTimeout(60_000);

let stack: LocalStack;
let seed: Seeder;

beforeAll(async () => {
  stack = await startLocalStack({ quiet: true });
  seed = seeder(stack.runtime);
});

afterAll(async () => {
  await stack?.stop();
});

const resident = (userId: string): Principal => ({ userId, role: 'resident', scope: { areas: [] } });
const gridWorker = (gridCode: string): Principal => ({ userId: 'Sgw', role: 'gridWorker', scope: { areas: [gridCode] } });

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (err) {
    if (isDomainError(err)) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('actOnCase', () => {
  it('lets the reporter cancel a submitted case and records it once, version + 1', async () => {
    // Prepare
    const filed = await seed.report('Ract1');
    // Act
    const { caseItem, event } = await actOnCase(seed.rt, resident('Ract1'), filed.id, { type: 'cancel', reason: '已自行处理', version: 0 }, new Date());
    // Assess
    const stored = await seed.rt.cases.get(filed.id, { consistent: true });
    expect(caseItem.status).toBe('cancelled');
    expect(event.action).toBe('cancel');
    expect(stored?.version).toBe(1);
    expect(stored?.status).toBe('cancelled');
  });

  it("answers CASE.NOT_FOUND for someone else's case and for a case outside a worker's grids", async () => {
    const filed = await seed.report('Ract2');
    const otherGrid = city.grids.find((g) => g.code !== filed.location.gridCode)!.code;

    const stranger = await refusal(actOnCase(seed.rt, resident('Rstranger'), filed.id, { type: 'urge', version: 0 }, new Date()));
    const worker = await refusal(actOnCase(seed.rt, gridWorker(otherGrid), filed.id, { type: 'file', version: 0 }, new Date()));
    const missing = await refusal(actOnCase(seed.rt, resident('Ract2'), 'C00000000000NOTHERE', { type: 'urge', version: 0 }, new Date()));

    expect([stranger.code, worker.code, missing.code]).toEqual(['CASE.NOT_FOUND', 'CASE.NOT_FOUND', 'CASE.NOT_FOUND']);
    expect((await seed.rt.cases.get(filed.id, { consistent: true }))?.version).toBe(0);
  });

  it('refuses a stale version with the current case, which the edge reduces to the caller view', async () => {
    const filed = await seed.report('Ract3');
    const moved = await seed.staff(filed, { type: 'file' });

    const stale = await refusal(actOnCase(seed.rt, resident('Ract3'), filed.id, { type: 'cancel', version: 0 }, new Date()));
    const shown = (await conflictWithView(stale, (c) => ({ id: c.id, status: c.status, version: c.version }))) as DomainError;

    expect(stale.code).toBe('CASE.VERSION_CONFLICT');
    expect(shown.current).toEqual({ id: filed.id, status: 'filed', version: moved.version });
  });

  it('lets a grid worker file a case in their grid (the same service staff routes use)', async () => {
    const filed = await seed.report('Ract4');

    const { caseItem } = await actOnCase(seed.rt, gridWorker(filed.location.gridCode), filed.id, { type: 'file', note: '现场核实属实', version: 0 }, new Date(), { actorName: '测试网格员' });

    expect(caseItem.status).toBe('filed');
    expect(caseItem.timeline.at(-1)?.actor).toEqual({ role: 'gridWorker', userId: 'Sgw', name: '测试网格员' });
  });

  it('refuses supplement photos that are not the actor’s own uploads, and changes nothing', async () => {
    const filed = await seed.report('Ract5');
    const asked = await seed.staff(filed, { type: 'requestInfo', question: '请补充井盖的近景照片' });

    const foreign = await refusal(actOnCase(seed.rt, resident('Ract5'), filed.id, { type: 'supplement', photos: [{ key: 'uploads/Rsomeoneelse/01ABCDEF.jpg' }], version: asked.version }, new Date()));
    const missing = await refusal(actOnCase(seed.rt, resident('Ract5'), filed.id, { type: 'supplement', photos: [{ key: 'uploads/Ract5/01NOTUPLOADED.jpg' }], version: asked.version }, new Date()));

    expect(foreign.code).toBe('CASE.PHOTO_NOT_OWNED');
    expect(foreign.problems[0]?.path).toBe('body.photos.0.key');
    expect(missing.code).toBe('CASE.PHOTO_MISSING');
    expect((await seed.rt.cases.get(filed.id, { consistent: true }))?.version).toBe(asked.version);
  });

  it('turns a concurrent change between read and write into a conflict, never an overwrite', async () => {
    const filed = await seed.report('Ract6');
    // Two cancels decided on the same version: exactly one lands.
    const results = await Promise.allSettled([
      actOnCase(seed.rt, resident('Ract6'), filed.id, { type: 'cancel', reason: '甲', version: 0 }, new Date()),
      actOnCase(seed.rt, resident('Ract6'), filed.id, { type: 'cancel', reason: '乙', version: 0 }, new Date()),
    ]);

    const refused = results.filter((r) => r.status === 'rejected');
    const stored = await seed.rt.cases.get(filed.id, { consistent: true });
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(((refused[0] as PromiseRejectedResult).reason as DomainError).code).toBe('CASE.VERSION_CONFLICT');
    expect(stored?.timeline.filter((e) => e.action === 'cancel')).toHaveLength(1);
  });
});
