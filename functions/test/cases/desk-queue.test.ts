import { workQueueQuerySchema } from '@gridtong/shared/api/desk';
import { listWorkQueue } from '../../src/cases/desk-queue';
import { actOnWorkCase } from '../../src/cases/desk-actions';
import { at, ctxOf, GRID, OTHER_GRID, seededWorld, staffIn, type Seeded } from './world';
import { refusal } from '../refusal';

let world: Seeded;

beforeEach(() => {
  world = seededWorld();
});


const query = (fields: Record<string, unknown> = {}) => workQueueQuerySchema.parse(fields);

describe('the work queues', () => {
  it('moves a case from the grid to the centre, the department and back to the grid for 核查', async () => {
    const c = await world.report('Rq1');
    const worker = staffIn('gridWorker', [GRID], 'Sgw');
    const dispatcher = staffIn('dispatcher', [GRID.slice(0, 9)], 'Sdc');
    const department = staffIn('departmentHandler', [], 'Sdh', c.routing.departmentId);
    const ids = async (who: typeof worker, queue?: string) => (await listWorkQueue(world, ctxOf(who, at(10)), query(queue ? { queue } : {}))).cases.map((r) => r.id);

    expect(await ids(worker)).toEqual([c.id]);
    expect(await ids(dispatcher)).toEqual([]);

    const filed = await actOnWorkCase(world, ctxOf(worker, at(1)), c.id, { type: 'file', version: 0 });
    expect(await ids(dispatcher)).toEqual([c.id]);

    const dispatched = await actOnWorkCase(world, ctxOf(dispatcher, at(2)), c.id, { type: 'dispatch', version: filed.version });
    expect(await ids(dispatcher)).toEqual([]);
    expect(await ids(department)).toEqual([c.id]);

    const accepted = await actOnWorkCase(world, ctxOf(department, at(3)), c.id, { type: 'accept', version: dispatched.version });
    const handling = await actOnWorkCase(world, ctxOf(department, at(4)), c.id, { type: 'startHandling', version: accepted.version });
    await actOnWorkCase(world, ctxOf(department, at(5)), c.id, { type: 'handle', notes: '已修复', version: handling.version });
    expect(await ids(department)).toEqual([]);
    expect(await ids(worker, 'verify')).toEqual([c.id]);
  });

  it('keeps each queue to the caller’s own grids and refuses a queue their role does not work', async () => {
    await world.report('Rq2');
    const elsewhere = staffIn('gridWorker', [OTHER_GRID], 'Sgw2');

    const theirs = await listWorkQueue(world, ctxOf(elsewhere), query());
    const forbidden = await refusal(listWorkQueue(world, ctxOf(elsewhere), query({ queue: 'dispatch' })));

    expect(theirs.cases).toEqual([]);
    expect(forbidden.code).toBe('WORK.QUEUE_FORBIDDEN');
    expect(forbidden.problems[0]?.path).toBe('query.queue');
  });

  it('orders rows by deadline and pages through them without repeats', async () => {
    const worker = staffIn('gridWorker', [GRID], 'Sgw');
    const reported = [];
    for (let i = 0; i < 5; i++) reported.push(await world.report(`Rq3-${i}`, { at: at(i) }));

    const first = await listWorkQueue(world, ctxOf(worker, at(10)), query({ limit: '3' }));
    const second = await listWorkQueue(world, ctxOf(worker, at(10)), query({ limit: '3', cursor: first.nextCursor }));

    const deadlines = [...first.cases, ...second.cases].map((r) => r.deadline);
    expect([...first.cases, ...second.cases].map((r) => r.id).sort()).toEqual(reported.map((c) => c.id).sort());
    expect(deadlines).toEqual([...deadlines].sort());
    expect(second.nextCursor).toBeNull();
  });
});
