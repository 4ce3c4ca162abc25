import type { LocalStack } from '@gridtong/functions/local/stack';
import { SessionTokens } from '@gridtong/functions/adapters/sessions';
import type { Principal } from '@gridtong/shared/schemas/roles';
import { client, uploadPhoto } from '../support/client';
import { city } from '../support/places';
import { openStack } from '../support/stack';

jest.setTimeout(180_000);

// The clock the whole stack reads: Monday 2026-11-23 09:00 Beijing.
const MONDAY_0900 = new Date('2026-11-23T01:00:00.000Z');
let clock = MONDAY_0900;
let stack: LocalStack;
let api: ReturnType<typeof client>;

const beijing = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`).toISOString();
let keySeq = 0;
const key = () => `bk-${Date.now()}-${++keySeq}`;

const worker1 = city.workers.find((w) => w.devLogin === 'dev-worker1')!;
const worker2 = city.workers.find((w) => w.devLogin === 'dev-worker2')!;
const GRID = worker1.gridCode;

// Sessions are issued at the stack's own (moving) clock: a login per resident would hit the
// per-IP login limit under a frozen clock, and a token from Monday has expired by Thursday.
interface Person { userId: string; principal: Principal }
let worker: Person;
const tokenOf = async (p: Person) => (await new SessionTokens(stack.config.sessionSecret!).issue(p.principal, clock)).token;
const get = async (path: string, p: Person) => api.get(path, await tokenOf(p));
const post = async (path: string, body: unknown, p: Person, headers?: Record<string, string>) => api.post(path, body, await tokenOf(p), headers);
const put = async (path: string, body: unknown, p: Person) => api.call('PUT', path, { body, token: await tokenOf(p) });

async function staff(code: string): Promise<Person> {
  const who = await api.login(code);
  return { userId: who.userId, principal: { userId: who.userId, role: who.role as Principal['role'], scope: { areas: [] } } };
}

async function resident(name: string, gridCode: string | null = GRID): Promise<Person> {
  const userId = `U${name.toUpperCase().replace(/[^A-Z0-9]/g, '')}`;
  const who: Person = { userId, principal: { userId, role: 'resident', scope: { areas: [] } } };
  if (gridCode) {
    const home = await put('/v1/me/home', { gridCode }, who);
    if (home.status !== 200) throw new Error(`home: ${home.status} ${home.text}`);
  }
  return who;
}

function booking(start: string, over: Record<string, unknown> = {}) {
  return { serviceCode: 'S04', workerId: worker.userId, start, materialsReady: ['本人居民身份证原件'], address: '榕溪东路 8 号 3 栋 502', contactPhone: '13800138000', note: '老人行动不便，请敲门大声些', ...over };
}

const book = (who: Person, start: string, over: Record<string, unknown> = {}, idem = key()) =>
  post('/v1/bookings', booking(start, over), who, { 'idempotency-key': idem });
const act = (who: Person, id: string, body: unknown) => post(`/v1/bookings/${id}/actions`, body, who);
const work = (id: string, body: unknown) => post(`/v1/work/bookings/${id}/actions`, body, worker);

const TUE_THU_AFTERNOONS = {
  slotMinutes: 30,
  weekly: [{ weekday: 2, start: '14:00', end: '17:00' }, { weekday: 4, start: '14:00', end: '17:00' }],
  closures: [],
};

beforeAll(async () => {
  ({ stack, api } = await openStack({ now: () => clock, timers: false }));
  worker = await staff('dev-worker1');
});

afterAll(() => stack?.stop());

beforeEach(() => {
  clock = MONDAY_0900;
});

describe('availability (可预约时间)', () => {
  it('a worker publishes Tue/Thu 14:00–17:00 in 30-minute slots and reads it back', async () => {
    const saved = await put('/v1/work/availability', TUE_THU_AFTERNOONS, worker);
    expect(saved.status).toBe(200);
    expect(saved.body.gridCode).toBe(GRID);
    // 24 Nov, 26 Nov, 1 Dec, 3 Dec: four afternoons of six slots in the next 14 days.
    expect(saved.body.upcomingSlots).toBe(24);
    const read = await get('/v1/work/availability', worker);
    expect(read.body.availability.weekly).toHaveLength(2);
  });

  it('refuses overlapping windows, odd slot lengths and a grid the worker does not serve', async () => {
    const overlap = await put('/v1/work/availability', { weekly: [{ weekday: 2, start: '14:00', end: '16:00' }, { weekday: 2, start: '15:00', end: '17:00' }] }, worker);
    expect(overlap.status).toBe(400);
    expect(overlap.body.error.code).toBe('REQUEST.VALIDATION');
    const odd = await put('/v1/work/availability', { ...TUE_THU_AFTERNOONS, slotMinutes: 7 }, worker);
    expect(odd.status).toBe(400);
    const other = await put('/v1/work/availability', { ...TUE_THU_AFTERNOONS, gridCode: worker2.gridCode }, worker);
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('AVAILABILITY.OUT_OF_SCOPE');
    const notStaff = await resident('bk-notstaff', null);
    expect((await put('/v1/work/availability', TUE_THU_AFTERNOONS, notStaff)).status).toBe(403);
  });
});

describe('slots and booking', () => {
  beforeAll(async () => {
    await put('/v1/work/availability', TUE_THU_AFTERNOONS, worker);
  });

  it('a resident with no home grid is told to set 我的住址', async () => {
    const homeless = await resident('bk-homeless', null);
    const slots = await get('/v1/bookings/slots?service=S04', homeless);
    expect(slots.status).toBe(409);
    expect(slots.body.error.code).toBe('BOOKING.HOME_REQUIRED');
    expect(slots.body.error.message).toContain('我的住址');
    const tried = await book(homeless, beijing('2026-11-24', '14:00'));
    expect(tried.status).toBe(409);
    expect(tried.body.error.code).toBe('BOOKING.HOME_REQUIRED');
  });

  it('lists the home grid worker’s free slots for 14 Beijing days with the service’s materials', async () => {
    const me = await resident('bk-lister');
    const slots = await get('/v1/bookings/slots?service=S04', me);
    expect(slots.status).toBe(200);
    expect(slots.body.days).toHaveLength(14);
    expect(slots.body.service.materials.map((m: { name: string }) => m.name)).toContain('本人居民身份证原件');
    const tuesday = slots.body.days.find((d: { date: string }) => d.date === '2026-11-24');
    const workers1 = tuesday.slots.filter((s: { workerId: string }) => s.workerId === worker.userId);
    expect(workers1.map((s: { time: string }) => s.time)).toEqual(['14:00', '14:30', '15:00', '15:30', '16:00', '16:30']);
    expect(workers1[0]).toMatchObject({ start: beijing('2026-11-24', '14:00'), workerName: worker1.name });
    expect(slots.body.days.find((d: { date: string }) => d.date === '2026-11-25').slots).toEqual([]);
    // A resident of another grid sees none of this worker's slots.
    const elsewhere = await resident('bk-elsewhere', worker2.gridCode);
    const theirs = await get('/v1/bookings/slots?service=S04', elsewhere);
    const theirSlots = theirs.body.days.flatMap((d: { slots: { workerId: string }[] }) => d.slots);
    expect(theirSlots.length).toBeGreaterThan(0); // their own grid's worker (the demo team opens Tue/Thu)
    expect(theirSlots.filter((s: { workerId: string }) => s.workerId === worker.userId)).toEqual([]);
  });

  it('50 residents racing for one slot: exactly one gets it, 49 get a clear 409 with the next free slots', async () => {
    const racers: Person[] = [];
    for (let i = 0; i < 50; i++) racers.push(await resident(`bk-racer-${i}`));
    const start = beijing('2026-11-24', '15:00');
    const answers = await Promise.all(racers.map((r) => book(r, start)));
    const won = answers.filter((a) => a.status === 201);
    const lost = answers.filter((a) => a.status === 409);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    for (const a of lost) {
      expect(a.body.error.code).toBe('BOOKING.SLOT_TAKEN');
      expect(a.body.error.message).toContain('其他居民');
      const next = a.body.error.current.nextSlots as { start: string; workerId: string }[];
      expect(next.length).toBeGreaterThan(0);
      expect(next.filter((s) => s.workerId === worker.userId).map((s) => s.start)).not.toContain(start);
      expect(next.every((s) => s.start >= start)).toBe(true);
    }
    const day = await get('/v1/work/bookings?day=2026-11-24', worker);
    expect(day.body.bookings.filter((b: { start: string }) => b.start === start)).toHaveLength(1);
    // The slot no longer shows as free; a loser can book the first slot offered.
    const after = await get('/v1/bookings/slots?service=S04', racers[0]!);
    const free = after.body.days.flatMap((d: { slots: { start: string; workerId: string }[] }) => d.slots).filter((s: { workerId: string }) => s.workerId === worker.userId).map((s: { start: string }) => s.start);
    expect(free).not.toContain(start);
    const loser = racers[answers.findIndex((a) => a.status === 409)]!;
    const offered = lost[0]!.body.error.current.nextSlots[0];
    expect((await book(loser, offered.start, { workerId: offered.workerId })).status).toBe(201);
  });

  it('a retry with the same Idempotency-Key is the same booking; the same key with another body is refused', async () => {
    const me = await resident('bk-retry');
    const idem = key();
    const first = await book(me, beijing('2026-11-26', '14:00'), {}, idem);
    expect(first.status).toBe(201);
    const again = await book(me, beijing('2026-11-26', '14:00'), {}, idem);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    const other = await book(me, beijing('2026-11-26', '14:30'), {}, idem);
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('IDEMPOTENCY.KEY_REUSED');
    const missing = await post('/v1/bookings', booking(beijing('2026-11-26', '15:00')), me);
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('IDEMPOTENCY.KEY_REQUIRED');
  });

  it('at most 2 open bookings; cancelling one frees a place', async () => {
    const me = await resident('bk-greedy');
    const a = await book(me, beijing('2026-12-01', '14:00'));
    const b = await book(me, beijing('2026-12-01', '14:30'));
    expect([a.status, b.status]).toEqual([201, 201]);
    const third = await book(me, beijing('2026-12-01', '15:00'));
    expect(third.status).toBe(409);
    expect(third.body.error.code).toBe('BOOKING.TOO_MANY_OPEN');
    // The refused request held nothing: its slot is still free for others.
    const neighbour = await resident('bk-greedy-neighbour');
    expect((await book(neighbour, beijing('2026-12-01', '15:00'))).status).toBe(201);
    const cancelled = await act(me, a.body.id, { type: 'cancel', version: a.body.version, reason: '家人已代办' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.statusLabel).toBe('已取消');
    // The cancelled slot is free again, and the resident has a place again.
    expect((await book(me, beijing('2026-12-01', '14:00'))).status).toBe(201);
  });

  it('a 45-minute 户口迁入 visit holds two 30-minute slots, and cancelling frees both', async () => {
    const me = await resident('bk-long-visit');
    const times = async (service: string) => {
      const list = await get(`/v1/bookings/slots?service=${service}`, me);
      return list.body.days.find((d: { date: string }) => d.date === '2026-12-03').slots
        .filter((s: { workerId: string }) => s.workerId === worker.userId).map((s: { time: string }) => s.time);
    };
    // No room for 45 minutes after 16:30: the afternoon ends at 17:00.
    expect(await times('S02')).toEqual(['14:00', '14:30', '15:00', '15:30', '16:00']);
    const made = await book(me, beijing('2026-12-03', '15:00'), { serviceCode: 'S02', materialsReady: [] });
    expect(made.status).toBe(201);
    expect(made.body.end).toBe(beijing('2026-12-03', '16:00'));
    expect(await times('S04')).toEqual(['14:00', '14:30', '16:00', '16:30']);
    expect(await times('S02')).toEqual(['14:00', '16:00']);
    const other = await resident('bk-long-visit-neighbour');
    const clash = await book(other, beijing('2026-12-03', '15:30'));
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('BOOKING.SLOT_TAKEN');
    expect((await act(me, made.body.id, { type: 'cancel', version: made.body.version })).status).toBe(200);
    expect(await times('S04')).toEqual(['14:00', '14:30', '15:00', '15:30', '16:00', '16:30']);
  });

  it('a slot whose holder cancelled is free again even if its release was lost', async () => {
    const first = await resident('bk-lost-release');
    const start = beijing('2026-11-26', '15:00');
    const made = await book(first, start);
    expect((await act(first, made.body.id, { type: 'cancel', version: made.body.version })).status).toBe(200);
    // As if the release after the cancel had never happened: the claim still names the cancelled booking.
    expect(await stack.runtime.bookings.claimSlot(worker.userId, start, made.body.id, clock)).toBe(true);
    const next = await resident('bk-after-lost-release');
    expect((await book(next, start)).status).toBe(201);
  });

  it('refuses slots outside the availability, too close, or beyond 14 days', async () => {
    const me = await resident('bk-picky');
    const wednesday = await book(me, beijing('2026-11-25', '14:00'));
    expect(wednesday.status).toBe(422);
    expect(wednesday.body.error.code).toBe('BOOKING.SLOT_UNAVAILABLE');
    expect(wednesday.body.error.current.nextSlots.length).toBeGreaterThan(0);
    const offGrid = await book(me, beijing('2026-11-24', '14:10'));
    expect(offGrid.status).toBe(422);
    const far = await book(me, beijing('2026-12-08', '14:00'));
    expect(far.status).toBe(422);
    clock = new Date(beijing('2026-11-24', '13:00'));
    const tooClose = await book(me, beijing('2026-11-24', '14:30'));
    expect(tooClose.status).toBe(422);
    const unknownService = await book(me, beijing('2026-11-24', '16:00'), { serviceCode: 'S99' });
    expect(unknownService.status).toBe(422);
    expect(unknownService.body.error.code).toBe('BOOKING.UNKNOWN_SERVICE');
  });
});

describe('cut-offs and reschedule limits (controlled clock)', () => {
  beforeAll(async () => {
    await put('/v1/work/availability', TUE_THU_AFTERNOONS, worker);
  });

  it('a resident cancels up to 2 h before the visit, not after', async () => {
    const me = await resident('bk-late');
    const made = await book(me, beijing('2026-11-26', '16:30'));
    expect(made.status).toBe(201);
    clock = new Date(beijing('2026-11-26', '14:31'));
    const late = await act(me, made.body.id, { type: 'cancel', version: made.body.version });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('BOOKING.CUTOFF_PASSED');
    const lateMove = await act(me, made.body.id, { type: 'reschedule', version: made.body.version, start: beijing('2026-12-03', '14:00') });
    expect(lateMove.status).toBe(409);
    expect(lateMove.body.error.code).toBe('BOOKING.CUTOFF_PASSED');
    const view = await get(`/v1/bookings/${made.body.id}`, me);
    expect(view.body.availableActions).toEqual([]);
    expect(view.body.status).toBe('requested');
    clock = new Date(beijing('2026-11-26', '14:30'));
    expect((await act(me, made.body.id, { type: 'cancel', version: made.body.version })).status).toBe(200);
  });

  it('a resident reschedules at most twice; each new time frees the old one', async () => {
    const me = await resident('bk-mover');
    const made = await book(me, beijing('2026-12-03', '14:00'));
    const first = await act(me, made.body.id, { type: 'reschedule', version: made.body.version, start: beijing('2026-12-03', '14:30') });
    expect(first.status).toBe(200);
    expect(first.body.start).toBe(beijing('2026-12-03', '14:30'));
    expect(first.body.reschedulesLeft).toBe(1);
    const second = await act(me, made.body.id, { type: 'reschedule', version: first.body.version, start: beijing('2026-12-03', '15:00') });
    expect(second.status).toBe(200);
    expect(second.body.reschedulesLeft).toBe(0);
    expect(second.body.availableActions).not.toContain('reschedule');
    const third = await act(me, made.body.id, { type: 'reschedule', version: second.body.version, start: beijing('2026-12-03', '15:30') });
    expect(third.status).toBe(409);
    expect(third.body.error.code).toBe('BOOKING.RESCHEDULE_LIMIT');
    // The slots it moved away from are free again.
    const other = await resident('bk-mover-neighbour');
    expect((await book(other, beijing('2026-12-03', '14:00'))).status).toBe(201);
    expect((await book(other, beijing('2026-12-03', '14:30'))).status).toBe(201);
    // A stale version is a 409 carrying the booking as it is now.
    const stale = await act(me, made.body.id, { type: 'cancel', version: first.body.version });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('BOOKING.VERSION_CONFLICT');
    expect(stale.body.error.current.version).toBe(second.body.version);
  });
});

describe('the whole visit over HTTP, resident and worker', () => {
  beforeAll(async () => {
    await put('/v1/work/availability', TUE_THU_AFTERNOONS, worker);
  });

  it('books a 社保卡 visit, the worker confirms, visits, submits, completes; the resident sees each step and rates', async () => {
    const me = await resident('bk-elder');
    const made = await book(me, beijing('2026-11-26', '15:30'));
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ status: 'requested', statusLabel: '待确认', service: { code: 'S04', name: '社保卡申领/补换' }, reschedulesLeft: 2 });
    expect(made.body.materials.find((m: { name: string }) => m.name === '本人居民身份证原件').ready).toBe(true);

    const day = await get('/v1/work/bookings?day=2026-11-26', worker);
    const mine = day.body.bookings.find((b: { id: string }) => b.id === made.body.id);
    expect(mine).toMatchObject({ address: '榕溪东路 8 号 3 栋 502', contactPhone: '13800138000', availableActions: expect.arrayContaining(['confirm', 'decline']) });

    const confirmed = await work(made.body.id, { type: 'confirm', version: mine.version });
    expect(confirmed.status).toBe(200);
    expect((await get(`/v1/bookings/${made.body.id}`, me)).body.statusLabel).toBe('已确认');

    // Too early to record the visit on Monday.
    const early = await work(made.body.id, { type: 'visited', version: confirmed.body.version, checklist: [] });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('BOOKING.TOO_EARLY');

    clock = new Date(beijing('2026-11-26', '15:40'));
    const receipt = await uploadPhoto(api, await tokenOf(worker));
    const visited = await work(made.body.id, {
      type: 'visited',
      version: confirmed.body.version,
      checklist: [{ name: '本人居民身份证原件', collected: true }, { name: '数码相片回执', collected: false }],
      photos: [{ key: receipt }],
      note: '内部备注：老人听力不好',
    });
    expect(visited.status).toBe(200);
    expect(visited.body.status).toBe('visited');
    expect(visited.body.receiptPhotoUrls).toHaveLength(1);
    expect(visited.body.receiptPhotoUrls[0]).toContain(`/cases/${made.body.id}/`);
    const submitted = await work(made.body.id, { type: 'submitted', version: visited.body.version });
    expect(submitted.body.statusLabel).toBe('已代交');
    const completed = await work(made.body.id, { type: 'completed', version: submitted.body.version });
    expect(completed.body.statusLabel).toBe('已办结');

    const seen = await get(`/v1/bookings/${made.body.id}`, me);
    expect(seen.body.timeline.map((e: { action: string }) => e.action)).toEqual(['request', 'confirm', 'visited', 'submitted', 'completed']);
    expect(seen.body.availableActions).toEqual(['rate']);
    const text = JSON.stringify(seen.body);
    expect(text).not.toContain('内部备注');
    expect(text).not.toContain(worker.userId);
    expect(text).not.toContain(me.userId);

    const rated = await act(me, made.body.id, { type: 'rate', version: seen.body.version, level: 'verySatisfied', comment: '很耐心' });
    expect(rated.status).toBe(200);
    expect(rated.body.rating).toEqual({ level: 'verySatisfied', label: '非常满意', comment: '很耐心' });
    const twice = await act(me, made.body.id, { type: 'rate', version: rated.body.version, level: 'satisfied' });
    expect(twice.status).toBe(409);
    expect(['BOOKING.INVALID_TRANSITION', 'BOOKING.ALREADY_RATED']).toContain(twice.body.error.code);

    const list = await get('/v1/bookings', me);
    expect(list.body.bookings.map((b: { id: string }) => b.id)).toEqual([made.body.id]);
  });

  it('a decline needs a reason the resident then reads; a worker reschedule needs one too', async () => {
    const me = await resident('bk-declined');
    const made = await book(me, beijing('2026-12-01', '16:30'));
    const noReason = await work(made.body.id, { type: 'decline', version: made.body.version });
    expect(noReason.status).toBe(400);
    const moveNoReason = await work(made.body.id, { type: 'reschedule', version: made.body.version, start: beijing('2026-12-03', '16:30') });
    expect(moveNoReason.status).toBe(400);
    const moved = await work(made.body.id, { type: 'reschedule', version: made.body.version, start: beijing('2026-12-03', '16:30'), reason: '当天要去街道开会' });
    expect(moved.status).toBe(200);
    expect(moved.body.status).toBe('confirmed');
    const declined = await work(made.body.id, { type: 'decline', version: moved.body.version, reason: '该业务需本人到大厅采集指纹' });
    expect(declined.body.status).toBe('declined');
    const seen = await get(`/v1/bookings/${made.body.id}`, me);
    expect(seen.body.statusLabel).toBe('未能安排');
    expect(seen.body.timeline.map((e: { reason?: string }) => e.reason)).toEqual([undefined, '当天要去街道开会', '该业务需本人到大厅采集指纹']);
    expect(seen.body.timeline[1].label).toContain('12月3日');
  });

  it('another resident and another grid’s worker cannot see or touch the booking (404)', async () => {
    const me = await resident('bk-private');
    const made = await book(me, beijing('2026-12-03', '16:00'));
    const stranger = await resident('bk-stranger');
    expect((await get(`/v1/bookings/${made.body.id}`, stranger)).status).toBe(404);
    expect((await act(stranger, made.body.id, { type: 'cancel', version: 1 })).status).toBe(404);
    const other = await staff('dev-worker2');
    const theirs = await post(`/v1/work/bookings/${made.body.id}/actions`, { type: 'confirm', version: 1 }, other);
    expect(theirs.status).toBe(404);
    expect(theirs.body.error.code).toBe('BOOKING.NOT_FOUND');
  });

  it('我的上报 never shows a booking, and nothing here scanned the table', async () => {
    const me = await resident('bk-elder');
    const cases = await get('/v1/cases', me);
    expect(cases.status).toBe(200);
    expect(cases.body.cases).toEqual([]);
    expect((await get('/v1/bookings', me)).body.bookings.length).toBeGreaterThan(0);
    expect(stack.dynamoOperations).not.toContain('Scan');
  });
});

describe('message centre, day-before reminder and rating figures (the events mechanism)', () => {
  beforeAll(async () => {
    await put('/v1/work/availability', TUE_THU_AFTERNOONS, worker);
  });

  const titles = async (p: Person, bookingId: string) =>
    ((await get('/v1/messages?limit=50', p)).body.messages as { title: string; bookingId?: string; caseId?: string }[]).filter((m) => m.bookingId === bookingId && m.caseId === undefined).map((m) => m.title);

  it('tells the worker of a new booking and the resident of each step, once each, reminds both the day before, and counts the rating', async () => {
    const me = await resident('bk-messages');
    const made = await book(me, beijing('2026-11-26', '14:30'));
    expect(made.status).toBe(201);
    await stack.jobs.bookings();
    expect(await titles(worker, made.body.id)).toEqual(['新的代办预约']);
    expect(await titles(me, made.body.id)).toEqual([]);

    const confirmed = await work(made.body.id, { type: 'confirm', version: made.body.version });
    await stack.jobs.bookings();
    await stack.jobs.bookings(); // a second run delivers nothing twice
    expect(await titles(me, made.body.id)).toEqual(['预约已确认']);

    // Wednesday 10:00 Beijing: the day-before reminder, once, to both.
    clock = new Date(beijing('2026-11-25', '10:00'));
    const first = await stack.jobs.bookings();
    expect(first.reminders.reminded).toBeGreaterThanOrEqual(1);
    await stack.jobs.bookings();
    expect(await titles(me, made.body.id)).toEqual(['明天有上门代办', '预约已确认']);
    expect((await titles(worker, made.body.id)).filter((t) => t === '明天有上门代办')).toHaveLength(1);
    const seen = await get(`/v1/bookings/${made.body.id}`, me);
    expect(seen.body.timeline.map((e: { action: string }) => e.action)).toEqual(['request', 'confirm', 'remind']);

    clock = new Date(beijing('2026-11-26', '14:35'));
    let version = seen.body.version;
    for (const type of ['visited', 'submitted', 'completed']) {
      const step = await work(made.body.id, { type, version });
      expect(step.status).toBe(200);
      version = step.body.version;
    }
    expect(confirmed.status).toBe(200);
    const rated = await act(me, made.body.id, { type: 'rate', version, level: 'satisfied' });
    expect(rated.status).toBe(200);
    await stack.jobs.bookings();
    await stack.jobs.bookings();
    expect(await titles(me, made.body.id)).toEqual(['代办已办结', '材料已交办证机关', '材料已收取', '明天有上门代办', '预约已确认']);
    expect(await titles(worker, made.body.id)).toContain('居民评价了上门代办');
    const gridDays = await stack.runtime.counters.days(`BK-${GRID}`, '2026-11-26', '2026-11-26');
    const workerDays = await stack.runtime.counters.days(`BK-${worker.userId}`, '2026-11-26', '2026-11-26');
    expect(gridDays.get('2026-11-26')).toMatchObject({ rating_satisfied: 1 });
    expect(workerDays.get('2026-11-26')).toMatchObject({ rating_satisfied: 1 });
    expect(stack.dynamoOperations).not.toContain('Scan');
  });

  it('sends no reminder for a booking cancelled before the day', async () => {
    const me = await resident('bk-noreminder');
    const made = await book(me, beijing('2026-12-01', '16:00'));
    await act(me, made.body.id, { type: 'cancel', version: made.body.version });
    clock = new Date(beijing('2026-11-30', '10:00'));
    await stack.jobs.bookings();
    expect(await titles(me, made.body.id)).not.toContain('明天有上门代办');
  });
});

describe('holidays, 调休 and closures (Beijing calendar)', () => {
  it('no slots on 国庆 holidays or a closure; a 调休 Saturday follows the chosen weekday', async () => {
    clock = new Date(beijing('2026-09-30', '09:00'));
    const leader = await staff('dev-worker2');
    const saved = await put('/v1/work/availability', {
      slotMinutes: 60,
      weekly: [{ weekday: 1, start: '09:00', end: '11:00' }, { weekday: 2, start: '14:00', end: '16:00' }],
      closures: [{ from: '2026-10-13', to: '2026-10-13', reason: '培训' }],
      makeUpDayAs: 1,
    }, leader);
    expect(saved.status).toBe(200);
    const me = await resident('bk-holiday', worker2.gridCode);
    const slots = await get('/v1/bookings/slots?service=S05', me);
    expect(slots.status).toBe(200);
    const on = (date: string) => slots.body.days.find((d: { date: string }) => d.date === date);
    expect(on('2026-10-05').slots).toEqual([]); // a Monday inside 国庆
    expect(on('2026-10-06').slots).toEqual([]); // a Tuesday inside 国庆
    expect(on('2026-10-06').label).toContain('国庆节');
    expect(on('2026-10-10').slots.map((s: { time: string }) => s.time)).toEqual(['09:00', '10:00']); // 调休 Saturday, as a Monday
    expect(on('2026-10-10').label).toContain('调休');
    expect(on('2026-10-12').slots.map((s: { time: string }) => s.time)).toEqual(['09:00', '10:00']);
    expect(on('2026-10-13').slots).toEqual([]); // closure
    expect(slots.body.days).toHaveLength(14);
    expect(slots.body.days[0].date).toBe('2026-09-30');
  });
});

describe('bad input is a 4xx with a stable code', () => {
  it.each([
    ['slots without a service', (p: Person) => get('/v1/bookings/slots', p), 400, 'REQUEST.VALIDATION'],
    ['slots from a non-date', (p: Person) => get('/v1/bookings/slots?service=S04&from=2026-02-30', p), 400, 'REQUEST.VALIDATION'],
    ['a booking without an address', (p: Person) => book(p, beijing('2026-11-24', '14:00'), { address: ' ' }), 400, 'REQUEST.VALIDATION'],
    ['a booking with a bad phone', (p: Person) => book(p, beijing('2026-11-24', '14:00'), { contactPhone: '12345' }), 400, 'REQUEST.VALIDATION'],
    ['a booking with a start that is no time', (p: Person) => book(p, 'tomorrow'), 400, 'REQUEST.VALIDATION'],
    ['materials the service does not list', (p: Person) => book(p, beijing('2026-11-24', '14:00'), { materialsReady: ['护照'] }), 400, 'REQUEST.VALIDATION'],
    ['an unknown action', (p: Person) => act(p, 'B0123456789ABCDEF', { type: 'confirm', version: 1 }), 400, 'REQUEST.VALIDATION'],
    ['a malformed booking id', (p: Person) => get('/v1/bookings/not-an-id', p), 400, 'REQUEST.VALIDATION'],
    ['an unknown booking', (p: Person) => get('/v1/bookings/B0123456789ABCDEF', p), 404, 'BOOKING.NOT_FOUND'],
    ['a tampered cursor', (p: Person) => get('/v1/bookings?cursor=eyJwayI6IiJ9', p), 400, 'REQUEST.INVALID_CURSOR'],
    ['a resident on the worker calendar', (p: Person) => get('/v1/work/bookings', p), 403, 'AUTH.FORBIDDEN'],
  ])('%s', async (_name, send, status, code) => {
    await put('/v1/work/availability', TUE_THU_AFTERNOONS, worker);
    const me = await resident('bk-badinput');
    const answer = await send(me);
    expect({ status: answer.status, code: answer.body.error?.code }).toEqual({ status, code });
  });
});
