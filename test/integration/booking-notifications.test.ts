import type { LocalStack } from '@gridtong/functions/local/stack';
import { SessionTokens } from '@gridtong/functions/adapters/sessions';
import { devOpenid } from '@gridtong/functions/local/wechat-standin';
import { BookingDeliverer } from '@gridtong/functions/bookings/jobs';
import type { Principal } from '@gridtong/shared/schemas/roles';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { handler as deliverEvents } from '@gridtong/functions/jobs/deliver-events';
import { withRuntime } from '@gridtong/functions/runtime';
import { client } from '../support/client';
import { reportOver } from '../support/staff';
import { city } from '../support/places';
import { areaAt } from '@gridtong/shared/schemas/common';
import { openStack } from '../support/stack';

/**
 * Every booking step reaches the resident and the worker the way
 * case news does — message centre items that open the booking, WeChat subscribe messages
 * where granted, operators' view of what could not be delivered — and visits feed figures.
 */
jest.setTimeout(180_000);

// Monday 2026-11-23 09:00 Beijing; the worker opens Tue/Thu 14:00–17:00.
const MONDAY_0900 = new Date('2026-11-23T01:00:00.000Z');
let clock = MONDAY_0900;
let stack: LocalStack;
let api: ReturnType<typeof client>;

const beijing = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`).toISOString();
const worker1 = city.workers.find((w) => w.devLogin === 'dev-worker1')!;
const GRID = worker1.gridCode;
const COMMUNITY = areaAt(GRID, 'community');
const STREET = areaAt(GRID, 'street');
const DISTRICT = areaAt(GRID, 'district');

interface Person { name: string; userId: string; principal: Principal }
const people: Record<string, Person> = {};
// Everyone logs in once through the WeChat stand-in (so WeChat knows their openid); later
// requests carry tokens issued at the test's clock, which moves by days.
const tokenOf = async (p: Person) => (await new SessionTokens(stack.config.sessionSecret!).issue(p.principal, clock)).token;
const get = async (path: string, p: Person) => api.get(path, await tokenOf(p));
const post = async (path: string, body: unknown, p: Person, headers?: Record<string, string>) => api.post(path, body, await tokenOf(p), headers);

async function login(name: string): Promise<Person> {
  const who = await api.login(`dev-${name}`);
  people[name] = { name, userId: who.userId, principal: { userId: who.userId, role: who.role as Principal['role'], scope: { areas: [] } } };
  return people[name]!;
}

let keySeq = 0;
const book = (who: Person, start: string) =>
  post('/v1/bookings', { serviceCode: 'S04', workerId: people.worker1!.userId, start, materialsReady: ['本人居民身份证原件'], address: '榕溪东路 8 号 3 栋 502', contactPhone: '13800138000', note: '老人耳背，请多敲几下门' }, who, { 'idempotency-key': `bkhb-${Date.now()}-${++keySeq}` });
const work = async (id: string, body: Record<string, unknown>) => {
  const current = await get(`/v1/work/bookings/${id}`, people.worker1!);
  return post(`/v1/work/bookings/${id}/actions`, { ...body, version: current.body.version }, people.worker1!);
};
const residentAct = async (who: Person, id: string, body: Record<string, unknown>) => {
  const current = await get(`/v1/bookings/${id}`, who);
  return post(`/v1/bookings/${id}/actions`, { ...body, version: current.body.version }, who);
};
const deliver = () => stack.jobs.bookings();
const sentTo = (p: Person, bookingId: string) => stack.wechat.sent.filter((m) => m.touser === devOpenid(p.name) && m.page?.includes(bookingId));
const grant = async (p: Person, results: Record<string, string>) => expect((await post('/v1/subscriptions', { results }, p)).status).toBe(200);
async function inbox(p: Person) {
  const answer = await get('/v1/messages?limit=50', p);
  expect(answer.status).toBe(200);
  return answer.body.messages as { id: string; title: string; body: string; caseId?: string; bookingId?: string; read: boolean }[];
}

beforeAll(async () => {
  ({ stack, api } = await openStack({ now: () => clock, timers: false }));
  for (const name of ['worker1', 'worker2', 'leader1', 'supervisor1', 'dispatcher', 'admin', 'bkhb-granny', 'bkhb-other']) await login(name);
  for (const name of ['bkhb-granny', 'bkhb-other']) {
    const home = await api.call('PUT', '/v1/me/home', { body: { gridCode: GRID }, token: await tokenOf(people[name]!) });
    expect(home.status).toBe(200);
  }
  const published = await api.call('PUT', '/v1/work/availability', {
    body: { slotMinutes: 30, weekly: [{ weekday: 2, start: '14:00', end: '17:00' }, { weekday: 4, start: '14:00', end: '17:00' }], closures: [] },
    token: await tokenOf(people.worker1!),
  });
  expect(published.status).toBe(200);
});

afterAll(() => stack?.stop());

describe('a booking told on WeChat and in the message centre', () => {
  it('sends each step once to whoever granted it, opening the booking, never the address', async () => {
    clock = MONDAY_0900;
    const granny = people['bkhb-granny']!;
    const worker = people.worker1!;
    await grant(granny, { 'tpl-booking': 'accept' });
    await grant(granny, { 'tpl-booking': 'accept' });
    await grant(worker, { 'tpl-newCase': 'accept' });

    const made = await book(granny, beijing('2026-11-26', '14:00'));
    expect(made.status).toBe(201);
    const id = made.body.id as string;
    await deliver();
    await deliver(); // a second run sends nothing twice

    // The worker hears of new work on WeChat, on the 新工单 template, landing on the visit.
    const toWorker = sentTo(worker, id);
    expect(toWorker).toHaveLength(1);
    expect(toWorker[0]!.template_id).toBe('tpl-newCase');
    expect(toWorker[0]!.page).toBe(`worker/pages/visits/index?booking=${id}`);
    expect(toWorker[0]!.data.thing1!.value).toContain('社保卡');
    expect(toWorker[0]!.data.thing3!.value).toBe('新的代办预约');
    expect(JSON.stringify(toWorker[0]!.data)).not.toContain('榕溪东路');
    // The request is the resident's own step: nothing to tell them.
    expect(sentTo(granny, id)).toEqual([]);

    // The calendar's day strip shows the visit waiting on Thursday, without opening Thursday.
    const strip = async () => (await get('/v1/work/bookings', worker)).body.ahead as { date: string; visits: number; toConfirm: number }[];
    const before = await strip();
    expect(before).toHaveLength(14);
    expect(before[0]!.date).toBe('2026-11-23');
    expect(before.find((d) => d.date === '2026-11-26')).toEqual({ date: '2026-11-26', visits: 1, toConfirm: 1 });
    expect(before.filter((d) => d.date !== '2026-11-26').every((d) => d.visits === 0)).toBe(true);

    const confirmed = await work(id, { type: 'confirm' });
    expect(confirmed.status).toBe(200);
    expect((await strip()).find((d) => d.date === '2026-11-26')).toEqual({ date: '2026-11-26', visits: 1, toConfirm: 0 });
    await deliver();
    const toGranny = sentTo(granny, id);
    expect(toGranny).toHaveLength(1);
    expect(toGranny[0]).toMatchObject({ template_id: 'tpl-booking', page: `bookings/pages/detail/index?id=${id}` });
    expect(toGranny[0]!.data.phrase2!.value).toBe('已确认');
    expect(toGranny[0]!.data.time3!.value).toBe('2026-11-26 14:00');
    expect(toGranny[0]!.data.thing4!.value).toBe('预约已确认');
    expect(JSON.stringify(toGranny[0]!.data)).not.toContain('榕溪东路');

    // The worker moves the visit: the resident's second grant carries it, with the new time.
    const moved = await work(id, { type: 'reschedule', start: beijing('2026-11-26', '15:30'), reason: '上午临时有会，改到稍晚' });
    expect(moved.status).toBe(200);
    await deliver();
    expect(sentTo(granny, id).map((m) => m.data.time3!.value)).toEqual(['2026-11-26 14:00', '2026-11-26 15:30']);

    // No grant left: the visit's later steps stay in the message centre only.
    clock = new Date(beijing('2026-11-26', '15:35'));
    for (const type of ['visited', 'submitted', 'completed']) expect((await work(id, { type })).status).toBe(200);
    await deliver();
    expect(sentTo(granny, id)).toHaveLength(2);
    const messages = (await inbox(granny)).filter((m) => m.bookingId === id);
    expect(messages.map((m) => m.title)).toEqual(['代办已办结', '材料已交办证机关', '材料已收取', '上门时间有调整', '预约已确认']);
    // Booking messages name their booking, not a case.
    expect(messages.every((m) => m.caseId === undefined)).toBe(true);
    expect(messages.find((m) => m.title === '上门时间有调整')!.body).toContain('上午临时有会');

    // Opening one from 消息 marks it read, as for a case.
    const read = await post('/v1/messages/read', { ids: [messages[0]!.id] }, granny);
    expect(read.status).toBe(200);
    expect((await inbox(granny)).find((m) => m.id === messages[0]!.id)!.read).toBe(true);
    const workerMessages = (await inbox(worker)).filter((m) => m.bookingId === id);
    expect(workerMessages.map((m) => m.title)).toEqual(['新的代办预约']);
    expect(stack.dynamoOperations).not.toContain('Scan');
  });
});

describe('deliveries WeChat would not take', () => {
  it('are parked where operators see them as the booking’s, and go out on retry', async () => {
    clock = MONDAY_0900;
    const other = people['bkhb-other']!;
    const admin = people.admin!;
    await grant(other, { 'tpl-booking': 'accept' });
    const made = await book(other, beijing('2026-11-24', '16:30'));
    expect(made.status).toBe(201);
    const id = made.body.id as string;
    await deliver();
    // WeChat is busy through both attempts the confirmation gets before it is parked (the client itself tries each send 4 times).
    stack.wechat.failNext('subscribe_send', -1, 8);
    expect((await work(id, { type: 'confirm' })).status).toBe(200);
    const impatient = new BookingDeliverer(stack.runtime, { maxAttempts: 2, baseDelayMs: 0, random: () => 0 });
    await impatient.deliverBooking(id);
    await impatient.deliverBooking(id);
    // The message centre had it at the first attempt; only WeChat is owed.
    expect((await inbox(other)).filter((m) => m.bookingId === id).map((m) => m.title)).toEqual(['预约已确认']);

    const parked = await get('/v1/work/outbox?state=parked&kind=booking', admin);
    expect(parked.status).toBe(200);
    const entry = (parked.body.entries as { id: string; bookingId?: string; caseId?: string; action: string; channels: { channel: string; state: string; lastError?: string }[] }[])
      .find((e) => e.bookingId === id);
    expect(entry).toMatchObject({ id: `${id}-1`, action: 'confirm', channels: [{ channel: 'wechat', state: 'parked' }] });
    expect(entry!.caseId).toBeUndefined();
    expect(entry!.channels[0]!.lastError).toContain('WECHAT');
    // Cases only: not there; everything: there.
    expect((await get('/v1/work/outbox?state=parked&kind=case', admin)).body.entries.map((e: { id: string }) => e.id)).not.toContain(`${id}-1`);
    expect((await get('/v1/work/outbox?state=parked', admin)).body.entries.map((e: { id: string }) => e.id)).toContain(`${id}-1`);
    expect(sentTo(other, id)).toEqual([]);

    const retried = await post(`/v1/work/outbox/${id}-1/retry`, {}, admin);
    expect(retried.status).toBe(200);
    expect(retried.body.channels).toEqual([expect.objectContaining({ channel: 'wechat', state: 'pending', attempts: 0 })]);
    await deliver();
    expect(sentTo(other, id).map((m) => m.data.phrase2!.value)).toEqual(['已确认']);
    expect((await get('/v1/work/outbox?state=parked', admin)).body.entries.map((e: { id: string }) => e.id)).not.toContain(`${id}-1`);
    // Retrying what is no longer parked is a clear 404; so is a made-up event.
    expect((await post(`/v1/work/outbox/${id}-1/retry`, {}, admin)).status).toBe(404);
    expect((await post('/v1/work/outbox/B0000000000000000000NONE-1/retry', {}, admin)).body.error.code).toBe('OUTBOX.NOT_FOUND');
  });
});

describe('the worker moving a visit (改约)', () => {
  it('offers only their own free slots that fit, and frees the old time for residents', async () => {
    clock = MONDAY_0900;
    const granny = people['bkhb-granny']!;
    const other = people['bkhb-other']!;
    const mine = await book(granny, beijing('2026-12-01', '14:00'));
    const theirs = await book(other, beijing('2026-12-01', '15:00'));
    expect([mine.status, theirs.status]).toEqual([201, 201]);

    const offered = await get(`/v1/work/bookings/${mine.body.id}/slots`, people.worker1!);
    expect(offered.status).toBe(200);
    expect(offered.body.visitMinutes).toBe(20);
    const tuesday = offered.body.days.find((d: { date: string }) => d.date === '2026-12-01');
    expect(tuesday.label).toBe('12月1日 周二');
    // 14:00 is where it is now; 15:00 is the other resident's.
    expect(tuesday.slots.map((s: { time: string }) => s.time)).toEqual(['14:30', '15:30', '16:00', '16:30']);
    expect(offered.body.days.find((d: { date: string }) => d.date === '2026-11-25').slots).toEqual([]);

    const moved = await work(mine.body.id, { type: 'reschedule', start: beijing('2026-12-01', '16:30'), reason: '上午要去街道开会' });
    expect(moved.status).toBe(200);
    expect(moved.body.start).toBe(beijing('2026-12-01', '16:30'));
    // The resident sees the new time and the worker's reason.
    const seen = await get(`/v1/bookings/${mine.body.id}`, granny);
    expect(seen.body.slotLabel).toBe('12月1日（周二）16:30');
    expect(seen.body.timeline.at(-1)).toMatchObject({ action: 'workerReschedule', reason: '上午要去街道开会' });
    // 14:00 is free again for anyone in the grid.
    const slots = await get('/v1/bookings/slots?service=S04&from=2026-12-01', other);
    const times = slots.body.days[0].slots.filter((s: { workerId: string }) => s.workerId === people.worker1!.userId).map((s: { time: string }) => s.time);
    expect(times).toContain('14:00');
    expect(times).not.toContain('16:30');

    // The worker making the visit sees where to go and whom to call; a colleague of the grid
    // (the 网格长) sees the visit but not the resident's address, phone or note.
    const assigned = await get(`/v1/work/bookings/${mine.body.id}`, people.worker1!);
    expect(assigned.body).toMatchObject({ mine: true, address: '榕溪东路 8 号 3 栋 502', contactPhone: '13800138000', note: '老人耳背，请多敲几下门' });
    const colleague = await get(`/v1/work/bookings/${mine.body.id}`, people.leader1!);
    expect(colleague.status).toBe(200);
    expect(colleague.body.mine).toBe(false);
    expect(colleague.text).not.toMatch(/榕溪东路|13800138000|耳背/);
    // Someone else's grid cannot see or move it.
    expect((await get(`/v1/work/bookings/${mine.body.id}/slots`, people.worker2!)).status).toBe(404);
    expect((await get(`/v1/work/bookings/${mine.body.id}`, people.worker2!)).status).toBe(404);
    for (const id of [mine.body.id, theirs.body.id]) await residentAct(id === mine.body.id ? granny : other, id, { type: 'cancel' });
  });
});

describe('visit figures (上门代办数据)', () => {
  it('count each step once for the worker and every area above the grid, and only for who may see them', async () => {
    clock = MONDAY_0900;
    const granny = people['bkhb-granny']!;
    const made = await book(granny, beijing('2026-12-03', '14:00'));
    expect(made.status).toBe(201);
    const id = made.body.id as string;
    expect((await work(id, { type: 'confirm' })).status).toBe(200);
    clock = new Date(beijing('2026-12-03', '14:05'));
    for (const type of ['visited', 'submitted', 'completed']) expect((await work(id, { type })).status).toBe(200);
    expect((await residentAct(granny, id, { type: 'rate', level: 'satisfied', comment: '很耐心' })).status).toBe(200);
    await deliver();
    await deliver();

    const range = 'from=2026-12-03&to=2026-12-03';
    const mine = await get(`/v1/work/visit-stats?scope=me&${range}`, people.worker1!);
    expect(mine.status).toBe(200);
    expect(mine.body.scope).toEqual({ kind: 'worker', code: people.worker1!.userId, name: worker1.name });
    expect(mine.body.totals).toMatchObject({ completed: 1, rated: 1 });
    expect(mine.body.ratings).toEqual({ verySatisfied: 0, satisfied: 1, basicallySatisfied: 0, dissatisfied: 0, veryDissatisfied: 0 });
    expect(mine.body.satisfactionRate).toBe(1);
    expect(mine.body.days).toEqual([{ date: '2026-12-03', booked: 0, completed: 1, rated: 1 }]);

    // The same visit, seen from the grid, the street and the district by those who cover them.
    for (const [who, scope, kind] of [['worker1', GRID, 'grid'], ['supervisor1', GRID, 'grid'], ['dispatcher', STREET, 'street'], ['admin', DISTRICT, 'district'], ['admin', COMMUNITY, 'community']] as const) {
      const seen = await get(`/v1/work/visit-stats?scope=${scope}&${range}`, people[who]!);
      expect([who, seen.status, seen.body.scope?.kind]).toEqual([who, 200, kind]);
      expect(seen.body.totals.completed).toBeGreaterThanOrEqual(1);
      expect(seen.body.ratings.satisfied).toBeGreaterThanOrEqual(1);
    }
    // Case figures are their own: a visit is not a case.
    const caseFigures = await get(`/v1/work/stats?scope=${GRID}&${range}`, people.supervisor1!);
    expect(caseFigures.status).toBe(200);
    expect(caseFigures.body.totals.rating_satisfied ?? 0).toBe(0);

    // Outside one's areas looks like nothing there; 'me' is only for those who make visits.
    const outside = await get(`/v1/work/visit-stats?scope=${GRID}&${range}`, people.worker2!);
    expect([outside.status, outside.body.error.code]).toEqual([404, 'STATS.SCOPE_NOT_FOUND']);
    expect((await get(`/v1/work/visit-stats?scope=${COMMUNITY}&${range}`, people.worker1!)).status).toBe(404);
    expect((await get(`/v1/work/visit-stats?scope=me&${range}`, people.admin!)).status).toBe(404);
    const backwards = await get('/v1/work/visit-stats?scope=me&from=2026-12-03&to=2026-12-01', people.worker1!);
    expect([backwards.status, backwards.body.error.code]).toEqual([400, 'STATS.INVALID_RANGE']);
    const nonsense = await get('/v1/work/visit-stats?scope=me&from=2026-02-30&to=2026-03-01', people.worker1!);
    expect(nonsense.status).toBe(400);
    expect((await get(`/v1/work/visit-stats?scope=me&${range}`, granny)).status).toBe(403);
    expect(stack.dynamoOperations).not.toContain('Scan');
  });
});

describe('the deliverer Lambda on the table stream', () => {
  it('delivers the cases and the bookings a stream batch names, each once', async () => {
    clock = MONDAY_0900;
    const other = people['bkhb-other']!;
    const made = await book(other, beijing('2026-12-03', '16:30'));
    expect(made.status).toBe(201);
    const caseId = await reportOver(api, await tokenOf(other), '0401', GRID);
    const record = (pk: string) => ({ eventName: 'MODIFY', dynamodb: { Keys: { pk: { S: pk } } } });
    // A batch may name an item more than once, and items the deliverer does not deliver for.
    const batch = { Records: [record(`BOOKING#${made.body.id}`), record(`CASE#${caseId}`), record(`BOOKING#${made.body.id}`), record('USER#U1')] } as unknown as DynamoDBStreamEvent;

    const report = await withRuntime(stack.runtime, () => deliverEvents(batch));

    expect(report.cases).toBe(2);
    expect(report.failed).toBe(0);
    const workerInbox = await inbox(people.worker1!);
    expect(workerInbox.filter((m) => m.bookingId === made.body.id).map((m) => m.title)).toEqual(['新的代办预约']);
    expect(workerInbox.some((m) => m.caseId === caseId)).toBe(true);
    await residentAct(other, made.body.id, { type: 'cancel' });
  });
});

describe('a worker who leaves the grid', () => {
  it('stops taking bookings, and residents waiting for their visit are told and can book again', async () => {
    clock = MONDAY_0900;
    const worker2 = city.workers.find((w) => w.devLogin === 'dev-worker2')!;
    const resident = await login('bkhb-neighbour');
    expect((await api.call('PUT', '/v1/me/home', { body: { gridCode: worker2.gridCode }, token: await tokenOf(resident) })).status).toBe(200);
    await grant(resident, { 'tpl-booking': 'accept' });
    const theirs = async () => {
      const slots = await get('/v1/bookings/slots?service=S04', resident);
      expect(slots.status).toBe(200);
      return (slots.body.days as { slots: { workerId: string; start: string }[] }[]).flatMap((d) => d.slots).filter((s) => s.workerId === people.worker2!.userId);
    };
    const offered = await theirs();
    expect(offered.length).toBeGreaterThan(0);
    const made = await post('/v1/bookings', { serviceCode: 'S04', workerId: people.worker2!.userId, start: offered[0]!.start, materialsReady: [], address: '榕溪西路 2 号' }, resident, { 'idempotency-key': `bkhb-leave-${Date.now()}` });
    expect(made.status).toBe(201);
    await deliver();

    const revoked = await api.call('DELETE', `/v1/admin/staff/${people.worker2!.userId}`, { token: await tokenOf(people.admin!) });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ userId: people.worker2!.userId, bookingsCalledOff: 1, visitsToHandOver: 0 });
    await deliver();

    const seen = await get(`/v1/bookings/${made.body.id}`, resident);
    expect(seen.body.status).toBe('declined');
    expect(seen.body.timeline.at(-1).reason).toContain('请重新预约');
    expect((await inbox(resident)).filter((m) => m.bookingId === made.body.id).map((m) => m.title)).toEqual(['预约未能安排']);
    expect(sentTo(resident, made.body.id).map((m) => m.data.phrase2!.value)).toEqual(['未能安排']);
    // Nobody can book them now; the resident's open-booking place is free again.
    expect(await theirs()).toEqual([]);
    const again = await post('/v1/bookings', { serviceCode: 'S04', workerId: people.worker2!.userId, start: offered[1]?.start ?? offered[0]!.start, materialsReady: [], address: '榕溪西路 2 号' }, resident, { 'idempotency-key': `bkhb-leave2-${Date.now()}` });
    expect([again.status, again.body.error.code]).toEqual([422, 'BOOKING.SLOT_UNAVAILABLE']);
    // Revoking again (say after a crash half-way) changes nothing more.
    const twice = await api.call('DELETE', `/v1/admin/staff/${people.worker2!.userId}`, { token: await tokenOf(people.admin!) });
    expect(twice.body).toMatchObject({ bookingsCalledOff: 0, visitsToHandOver: 0 });
  });
});
