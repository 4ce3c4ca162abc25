import type { CaseSummary, CaseView } from '@gridtong/shared/api/contracts';
import { CASE_STATUS_LABELS, type Case } from '@gridtong/shared/schemas/case';
import { residentTimeline } from '@gridtong/shared/case/index';
import type { CityReference } from './store/city';
import type { PhotoStore } from './store/photos';

/** The resident's view of their own case: no resident id, photo links minted for this read. */
export async function residentCaseView(c: Case, city: CityReference, photos: PhotoStore): Promise<CaseView> {
  // events: the sweep's warning light is for staff.
  const { residentId: _residentId, warning: _warning, ...rest } = c;
  return {
    ...rest,
    statusLabel: CASE_STATUS_LABELS[c.status],
    photoUrls: await photos.viewLinks(c.photos),
    timelineView: residentTimeline(c, { departmentName: (id: string) => city.directory.department(id)?.name }),
  };
}

export function caseSummary(c: Case): CaseSummary {
  return {
    id: c.id,
    itemCode: c.itemCode,
    itemName: c.itemName,
    status: c.status,
    statusLabel: CASE_STATUS_LABELS[c.status],
    address: c.location.address,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}
