import { randomUUID } from 'node:crypto';
import { wgs84ToGcj02 } from '@gridtong/shared/geo/index';
import type { CatalogItem } from '@gridtong/shared/schemas/catalog';
import type { Answer } from './client';
import { city, pointInGrid } from './places';

/** An item that needs exactly one photo, no required questions and no anonymity. */
export function simpleItem(): CatalogItem {
  const item = city.items.find((i) => i.active && i.minPhotos === 1 && !i.allowAnonymous && i.questions.every((q) => !q.required));
  if (!item) throw new Error('demo city has no simple item');
  return item;
}

/** An item with a required single-choice question, one photo minimum and no anonymity. */
export function itemWithRequiredChoice(): CatalogItem & { required: CatalogItem['questions'][number] } {
  for (const item of city.items) {
    const required = item.questions.find((q) => q.required && q.type === 'singleChoice');
    if (item.active && item.minPhotos === 1 && !item.allowAnonymous && required) return { ...item, required };
  }
  throw new Error('demo city has no item with a required choice');
}

export const reportGrid = () => city.grids[7]!;

/** A GCJ-02 point inside `reportGrid()`, as WeChat's map would give it. */
export function reportLocation() {
  const spot = pointInGrid(reportGrid().code);
  const [lng, lat] = wgs84ToGcj02(spot.lng, spot.lat);
  return { lat, lng, coord: 'gcj02' as const, address: '华苑路 12 号门口' };
}

/** A valid report of `simpleItem()` with the given photos; overrides replace top-level fields. */
export function report(photoKeys: string[], overrides: Record<string, unknown> = {}) {
  return {
    itemCode: simpleItem().code,
    description: '人行道上的井盖松动，踩上去会晃',
    location: reportLocation(),
    photos: photoKeys.map((key) => ({ key })),
    ...overrides,
  };
}

/** What the phone generates once per report attempt. */
export const idempotencyKey = () => randomUUID();

/**
 * A case answer with its photo links reduced to their path: the links are re-signed on
 * every read (new date and signature), the photo they point at is what must not change.
 */
export function stableCaseText(answer: Answer): string {
  const body = answer.body as { photoUrls?: string[] };
  if (!Array.isArray(body.photoUrls)) return answer.text;
  return JSON.stringify({ ...body, photoUrls: body.photoUrls.map((u) => new URL(u).pathname) });
}
