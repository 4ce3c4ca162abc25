import { makeIdempotent, IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { IdempotencyAlreadyInProgressError, IdempotencyValidationError } from '@aws-lambda-powertools/idempotency';
// Imported here, not in the runtime: only this function's bundle carries Powertools idempotency.
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { CreateCaseRequest } from '@gridtong/shared/api/cases';
import { newCase } from '@gridtong/shared/case/index';
import { geohashEncode } from '@gridtong/shared/geo/index';
import { planDispatchDeadline } from '@gridtong/shared/deadlines/index';
import { validateReport } from '@gridtong/shared/report/validate-report';
import type { Case } from '@gridtong/shared/schemas/case';
import type { Principal } from '@gridtong/shared/schemas/roles';
import type { Context } from 'aws-lambda';
import { DomainError, isDomainError } from '@gridtong/shared/errors';
import { newCaseId } from '../store/ids';
import type { Runtime } from '../runtime';
import { workingCalendar } from '../calendar';

/** Idempotency keys are the client's: a UUID or similar, generated once per report attempt. */
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,64}$/;
const IDEMPOTENCY_WINDOW_SECONDS = 24 * 60 * 60;

interface ReportInput {
  key: string;
  userId: string;
  body: CreateCaseRequest;
}

/** Files a new report: everything is checked before the one conditional write. */
async function fileReport(rt: Runtime, principal: Principal, body: CreateCaseRequest, now: Date, admit: () => Promise<void>): Promise<Case> {
  const city = await rt.city.get();
  const item = city.directory.item(body.itemCode);
  if (!item) {
    throw new DomainError('CASE.UNKNOWN_ITEM', '所选事项不存在，请刷新菜单后重新选择', { problems: [{ path: 'body.itemCode', message: 'unknown item' }] });
  }
  try {
    validateReport(item, body);
  } catch (err) {
    // The domain names fields of the report; the caller sees them where they sent them (body.*).
    throw isDomainError(err) ? err.under('body') : err;
  }
  const place = city.directory.locate(body.location.lng, body.location.lat, body.location.coord);
  if (!place) {
    throw new DomainError('CASE.OUTSIDE_SERVICE_AREA', '该位置不在本平台服务的网格范围内，请确认位置', { problems: [{ path: 'body.location', message: 'no grid here' }] });
  }
  await rt.photos.assertOwnedAndPresent(principal.userId, body.photos);
  const routing = city.directory.route(place.grid.code, item.code);
  const urgency = body.urgency ?? item.defaultUrgency;
  const id = newCaseId(now);
  const created = newCase({
    id,
    residentId: principal.userId,
    item: { code: item.code, name: item.name },
    urgency,
    description: body.description,
    answers: body.answers,
    photos: body.photos,
    anonymous: body.anonymous,
    ...(body.contactPhone ? { contactPhone: body.contactPhone } : {}),
    location: {
      lng: place.wgs84.lng,
      lat: place.wgs84.lat,
      address: body.location.address,
      gridCode: place.grid.code,
      communityCode: place.community.code,
      streetCode: place.street.code,
      districtCode: place.district.code,
      geohash: geohashEncode(place.wgs84.lat, place.wgs84.lng, 9),
    },
    routing,
    dispatchDeadline: planDispatchDeadline({ calendar: workingCalendar(), limits: item.timeLimits, urgency, submittedAt: now }),
    now,
  });
  // Counted last, once the case is built and valid: a report refused for its content costs no quota.
  await admit();
  const filed = { ...created, photos: await rt.photos.adopt(id, created.photos) };
  await rt.cases.create(filed);
  return filed;
}

interface Filed {
  caseId: string;
  replayed: boolean;
}

interface Reporter {
  config: IdempotencyConfig;
  run: (input: ReportInput, principal: Principal, now: Date, admit: () => Promise<void>) => Promise<Filed>;
}

const reporters = new WeakMap<Runtime, Reporter>();

function reporterFor(rt: Runtime): Reporter {
  let reporter = reporters.get(rt);
  if (!reporter) {
    const config = new IdempotencyConfig({
      eventKeyJmesPath: 'key',
      payloadValidationJmesPath: 'body',
      expiresAfterSeconds: IDEMPOTENCY_WINDOW_SECONDS,
      throwOnNoIdempotencyKey: true,
      // Called only when a stored result is returned instead of running again.
      responseHook: (response) => ({ ...(response as object), replayed: true }),
    });
    const run = async (input: ReportInput, principal: Principal, now: Date, admit: () => Promise<void>): Promise<Filed> => ({
      caseId: (await fileReport(rt, principal, input.body, now, admit)).id,
      replayed: false,
    });
    reporter = {
      config,
      run: makeIdempotent(run, {
        persistenceStore: new DynamoDBPersistenceLayer({ tableName: rt.config.idempotencyTableName, awsSdkV3Client: rt.dynamo }),
        keyPrefix: 'create-case',
        config,
        dataIndexArgument: 0,
      }),
    };
    reporters.set(rt, reporter);
  }
  return reporter;
}

/**
 * A retry with the same Idempotency-Key returns the case the first attempt created; the
 * same key with a different report is refused, so a resident never files twice by a
 * flaky network, and never silently gets someone else's answer.
 */
export async function reportCase(
  rt: Runtime,
  principal: Principal,
  headers: Record<string, string>,
  body: CreateCaseRequest,
  now: Date,
  context: Context,
  /** Counts the report against the route's rate limit. */
  admit: () => Promise<void>,
): Promise<{ caseItem: Case; replayed: boolean }> {
  const key = headers['idempotency-key'];
  if (!key) throw new DomainError('IDEMPOTENCY.KEY_REQUIRED', '缺少 Idempotency-Key 请求头', { problems: [{ path: 'headers.idempotency-key', message: 'required' }] });
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new DomainError('IDEMPOTENCY.KEY_INVALID', 'Idempotency-Key 格式不正确', { problems: [{ path: 'headers.idempotency-key', message: '8–64 characters of A–Z a–z 0–9 _ -' }] });
  }
  let filed: Filed;
  try {
    // The key is scoped to the caller: two residents can never collide on a key.
    const reporter = reporterFor(rt);
    // An in-progress record outlives a crashed invocation only by the time it had left.
    reporter.config.registerLambdaContext(context);
    filed = await reporter.run({ key: `${principal.userId}:${key}`, userId: principal.userId, body }, principal, now, admit);
  } catch (err) {
    if (err instanceof IdempotencyValidationError) {
      throw new DomainError('IDEMPOTENCY.KEY_REUSED', '该请求标识已用于另一份上报，请重新提交', { problems: [{ path: 'headers.idempotency-key', message: 'reused with a different body' }] });
    }
    if (err instanceof IdempotencyAlreadyInProgressError) {
      throw new DomainError('IDEMPOTENCY.IN_PROGRESS', '上一次提交仍在处理中，请稍候', { retryAfterSeconds: 2 });
    }
    // Powertools wraps our own errors; unwrap so the caller still sees the real 4xx.
    const cause = (err as { cause?: unknown }).cause;
    if (cause instanceof Error && err instanceof Error && err.name.startsWith('Idempotency')) throw cause;
    throw err;
  }
  // Just written (or by the first attempt moments ago): an eventually consistent read could miss it.
  const caseItem = await rt.cases.get(filed.caseId, { consistent: true });
  if (!caseItem) throw new Error('idempotent case record points at a missing case');
  return { caseItem, replayed: filed.replayed };
}
