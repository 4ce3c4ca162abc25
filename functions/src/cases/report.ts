import type { CreateCaseRequest } from '@gridtong/shared/api/cases';
import { caseNumberPrefix, districtShortCode, draftCase, formatCaseNumber, placeCase } from '@gridtong/shared/case/index';
import { validateReport } from '@gridtong/shared/report/validate-report';
import type { Case } from '@gridtong/shared/schemas/case';
import type { Context } from 'aws-lambda';
import { DomainError, isDomainError } from '@gridtong/shared/errors';
import { newCaseId } from '../store/ids';
import { workingCalendar } from '../calendar';
import type { RequestContext } from '../context';
import type { CityProvider } from '../city/city-snapshot';
import type { IdempotentCreates } from '../http/idempotency';
import type { PhotoStore } from '../store/photos';
import type { CaseRepository } from './case-store';
import type { CaseNumberStore } from './case-number-store';

/** What filing a report touches: the catalog, the uploads, the 受理编号 counter and the new case. */
export interface ReportPorts {
  city: Pick<CityProvider, 'get'>;
  photos: Pick<PhotoStore, 'assertOwnedAndPresent' | 'adopt'>;
  caseNumbers: Pick<CaseNumberStore, 'next' | 'record'>;
  cases: Pick<CaseRepository, 'create'>;
}

/**
 * Files a new report (placeCase → draftCase): everything is checked before anything is written.
 * `admit` counts it against the route's hourly limit once the report is known valid (a report
 * refused for its content costs no quota); then its 受理编号 is drawn, the number's lookup is
 * written and the case is put with one conditional write. A retry with the same
 * Idempotency-Key never gets here again (reportCase), so it draws no second number.
 */
export async function fileReport(ports: ReportPorts, ctx: RequestContext, body: CreateCaseRequest, admit: () => Promise<void>): Promise<Case> {
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
  await admit();
  // The number is drawn only once the report is accepted: a refused one consumes none.
  const district = city.directory.data.districts.find((d) => d.code === placement.location.districtCode);
  const prefix = caseNumberPrefix(districtShortCode(district ?? { code: placement.location.districtCode }), now);
  const caseNumber = formatCaseNumber(prefix, await ports.caseNumbers.next(prefix));
  const filed: Case = { ...created, caseNumber, photos: await ports.photos.adopt(id, created.photos) };
  await ports.caseNumbers.record(caseNumber, id);
  await ports.cases.create(filed);
  return filed;
}

/** Filing once per Idempotency-Key, and reading the case back. */
export interface ReportCasePorts extends ReportPorts {
  idempotency: IdempotentCreates;
  cases: Pick<CaseRepository, 'create' | 'get'>;
}

export interface ReportCaseInput {
  /** The request's Idempotency-Key (checked by the caller). */
  key: string;
  body: CreateCaseRequest;
  admit: () => Promise<void>;
  lambdaContext?: Context;
}

/**
 * A retry with the same Idempotency-Key returns the case the first attempt created; the
 * same key with a different report is refused, so a resident never files twice by a
 * flaky network, and never silently gets someone else's answer.
 */
export async function reportCase(rt: ReportCasePorts, ctx: RequestContext, input: ReportCaseInput): Promise<{ caseItem: Case; replayed: boolean }> {
  const created = await rt.idempotency.once(
    { userId: ctx.principal.userId, key: input.key, body: input.body },
    async () => (await fileReport(rt, ctx, input.body, input.admit)).id,
    input.lambdaContext,
  );
  // Just written (or by the first attempt moments ago): an eventually consistent read could miss it.
  const caseItem = await rt.cases.get(created.id, { consistent: true });
  if (!caseItem) throw new Error('idempotent case record points at a missing case');
  return { caseItem, replayed: created.replayed };
}
