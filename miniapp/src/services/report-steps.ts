import type { CatalogItem, ItemQuestion } from '@gridtong/shared/schemas/catalog';
import type { Answer, Draft, StepId } from './draft-store';
import { T } from '../texts';

/**
 * The report flow's steps for this item: its safety advice first where it has any, 匿名 only
 * where the item allows it. A hotline-only item has no report flow at all.
 */
export function stepsFor(item: CatalogItem): StepId[] {
  return [
    ...(item.safetyNotice ? (['safety'] as const) : []),
    'nearby',
    'photos',
    'location',
    'details',
    ...(item.allowAnonymous ? (['anonymous'] as const) : []),
    'review',
  ];
}

const isAnswered = (q: ItemQuestion, a: Answer | undefined): boolean => {
  if (a === undefined || a === null) return false;
  if (Array.isArray(a)) return a.length > 0;
  if (typeof a === 'string') return a.trim().length > 0;
  if (typeof a === 'number') return Number.isFinite(a);
  return q.type === 'boolean' ? typeof a === 'boolean' : true;
};

/** What still stops the resident from leaving this step; undefined when nothing does. */
export function stepProblem(step: StepId, item: CatalogItem, draft: Draft): string | undefined {
  switch (step) {
    case 'photos': {
      if (draft.photos.some((p) => p.status === 'pending' || p.status === 'compressing' || p.status === 'uploading')) return T.report.photosUploading;
      if (draft.photos.some((p) => p.status === 'failed')) return T.report.photosFailed;
      const uploaded = draft.photos.filter((p) => p.status === 'uploaded').length;
      return uploaded < item.minPhotos ? T.report.missingPhotos(item.minPhotos) : undefined;
    }
    case 'location':
      if (!draft.location?.gridCode) return T.report.missingLocation;
      // A grid picked from the list is a large area: the typed address says where in it.
      if (draft.location.source === 'picker' && !draft.location.address.trim()) return T.location.addressRequired;
      return undefined;
    case 'details': {
      for (const q of item.questions) {
        const a = draft.answers[q.code];
        if (q.required && !isAnswered(q, a)) return T.report.answerRequired(q.label);
        if (q.type === 'number' && a !== undefined && a !== '' && !Number.isFinite(Number(a))) return T.report.numberInvalid(q.label);
      }
      if (item.descriptionRequired && !draft.description.trim()) return T.report.descriptionMissing;
      return undefined;
    }
    case 'review':
      return (['photos', 'location', 'details'] as const).map((s) => stepProblem(s, item, draft)).find(Boolean);
    default:
      return undefined;
  }
}

/** The answers as the API takes them: numbers as numbers, empty answers left out. */
export function answersForRequest(item: CatalogItem, answers: Record<string, Answer>): Record<string, Answer> {
  const out: Record<string, Answer> = {};
  for (const q of item.questions) {
    const a = answers[q.code];
    if (!isAnswered(q, a)) continue;
    out[q.code] = q.type === 'number' ? Number(a) : typeof a === 'string' ? a.trim() : (a as Answer);
  }
  return out;
}
