import { makeIdempotent, IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { IdempotencyAlreadyInProgressError, IdempotencyValidationError } from '@aws-lambda-powertools/idempotency';
// Imported here, not in the runtime: only this function's bundle carries Powertools idempotency.
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { CreateCaseRequest } from '@gridtong/shared/api/cases';
import { draftCase, placeCase } from '@gridtong/shared/case/index';
import { validateReport } from '@gridtong/shared/report/validate-report';
import type { Case } from '@gridtong/shared/schemas/case';
import type { Context } from 'aws-lambda';
import { DomainError, isDomainError } from '@gridtong/shared/errors';
import { newCaseId } from '../store/ids';
import type { Runtime } from '../runtime';
import { workingCalendar } from '../calendar';
import type { RequestContext } from '../context';
import type { CityProvider } from '../city/city-snapshot';
import type { PhotoStore } from '../store/photos';
import type { RateLimiter } from '../store/rate-limits';
import type { CaseRepository } from './case-store';

/** Idempotency keys are the client's: a UUID or similar, generated once per report attempt. */
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,64}$/;
const IDEMPOTENCY_WINDOW_SECONDS = 24 * 60 * 60;

interface ReportInput {
  key: string;
  userId: string;
  body: CreateCaseRequest;
}

/** What filing a report touches: the catalog, the uploads, the hourly quota and the new case. */
export interface ReportPorts {
  config: Pick<Runtime['config'], 'caseRateLimitPerHour'>;
  city: Pick<CityProvider, 'get'>;
  photos: Pick<PhotoStore, 'assertOwnedAndPresent' | 'adopt'>;
  rateLimits: Pick<RateLimiter, 'take'>;
  cases: Pick<CaseRepository, 'create'>;
}

/** Files a new report (placeCase → draftCase): everything is checked before the one conditional write. */
export async function fileReport(ports: ReportPorts, ctx: RequestContext, body: CreateCaseRequest): Promise<Case> {
  const { principal, now } = ctx;
  const city = await ports.city.get();
  const item = city.directory.item(body.itemCode);
  if (!item) {
    throw new DomainError('CASE.UNKNOWN_ITEM', '所选事项不存在，请刷新菜单后重新选择', { problems: [{ path: 'body.itemCode', message: 'unknown item' }] });
  }
  // The domain names fields of the report; the caller sees them where they sent them (body.*).
  const inBody = (err: unknown) => (isDomainError(err) ? err.under('body') : err);
  let placement;
  try {
    validateReport(item, body);
    placement = placeCase(city.directory, workingCalendar(), {
      item,
      point: body.location,
      address: body.location.address,
      ...(body.urgency === undefined ? {} : { urgency: body.urgency }),
      submittedAt: now,
    });
  } catch (err) {
    throw inBody(err);
  }
  await ports.photos.assertOwnedAndPresent(principal.userId, body.photos);
  const id = newCaseId(now);
  const created = draftCase({
    ...placement,
    id,
    residentId: principal.userId,
    description: body.description,
    answers: body.answers,
    photos: body.photos,
    anonymous: body.anonymous,
    ...(body.contactPhone ? { contactPhone: body.contactPhone } : {}),
    now,
  });
  // Taken last, once the case is built and valid: a report refused for its content costs no quota.
  const gate = await ports.rateLimits.take('create-case', principal.userId, ports.config.caseRateLimitPerHour, 3600, now);
  if (!gate.allowed) {
    throw new DomainError('CASE.RATE_LIMITED', '提交过于频繁，请稍后再试', { retryAfterSeconds: gate.retryAfterSeconds });
  }
  const filed = { ...created, photos: await ports.photos.adopt(id, created.photos) };
  await ports.cases.create(filed);
  return filed;
}

interface Filed {
  caseId: string;
  replayed: boolean;
}

/** Filing with an idempotency record (Powertools, in DynamoDB) and reading the case back. */
export interface IdempotentReportPorts extends ReportPorts {
  config: Pick<Runtime['config'], 'caseRateLimitPerHour' | 'idempotencyTableName'>;
  dynamo: Runtime['dynamo'];
  cases: Pick<CaseRepository, 'create' | 'get'>;
}

interface Reporter {
  config: IdempotencyConfig;
  run: (input: ReportInput, ctx: RequestContext) => Promise<Filed>;
}

const reporters = new WeakMap<IdempotentReportPorts, Reporter>();

function reporterFor(rt: IdempotentReportPorts): Reporter {
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
    const run = async (input: ReportInput, ctx: RequestContext): Promise<Filed> => ({
      caseId: (await fileReport(rt, ctx, input.body)).id,
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
  rt: IdempotentReportPorts,
  ctx: RequestContext,
  request: { headers: Record<string, string>; body: CreateCaseRequest; context: Context },
): Promise<{ caseItem: Case; replayed: boolean }> {
  const { headers, body, context } = request;
  const { principal } = ctx;
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
    filed = await reporter.run({ key: `${principal.userId}:${key}`, userId: principal.userId, body }, ctx);
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
