import type { CaseResultView } from '@gridtong/shared/api/cases';
import { caseResult } from '@gridtong/shared/case/result';
import { photoKey, shownToOthers, type Case, type PhotoRef } from '@gridtong/shared/schemas/case';
import type { CityReference } from '../city/city-snapshot';
import { bucketLayout } from '../store/bucket-layout';
import type { PhotoStore } from '../store/photos';

/**
 * Whether a case's photo may be linked for someone other than its author: only a photo the case
 * has adopted (cases/<caseId>/…, an upload key names its uploader), and not before content
 * security has passed it (a flagged photo stays for review, hidden).
 */
export function photoClearedForOthers(c: Case, ref: PhotoRef): boolean {
  return ref.key.startsWith(bucketLayout.casesPrefix) && shownToOthers(c, photoKey(ref.key));
}

/**
 * The handling result a resident sees above the rating: named field by field, staff notes with
 * phone numbers masked, photos linked for this read. `withPhotos` false: words and dates only.
 */
export async function caseResultView(c: Case, city: CityReference, photos: PhotoStore, withPhotos: boolean): Promise<CaseResultView | undefined> {
  const result = caseResult(c);
  if (!result) return undefined;
  const shown = withPhotos ? result.photos.filter((p) => photoClearedForOthers(c, p.ref)) : [];
  const urls = await photos.viewLinks(shown.map((p) => p.ref));
  return {
    departmentName: city.directory.department(result.departmentId)?.name ?? '职能部门',
    ...(result.notes ? { notes: result.notes } : {}),
    handledAt: result.handledAt,
    ...(result.verifiedAt ? { verifiedAt: result.verifiedAt } : {}),
    photos: shown.map((p, i) => ({ url: urls[i] ?? '', kind: p.kind, at: p.at })),
  };
}
