import { wgs84ToGcj02 } from '@gridtong/shared/geo/index';
import type { CatalogItem } from '@gridtong/shared/schemas/catalog';
import { client, uploadPhoto } from './client';
import { city, pointInGrid } from './places';

type Api = ReturnType<typeof client>;

/** The demo team's grid (worker1, leader1, supervisor1 work it). */
export const TEAM_GRID = '440106001001001';
/** A grid of the same street that worker1 does not serve (worker2's). */
export const OTHER_GRID = '440106001002001';

export const item = (code: string): CatalogItem => {
  const found = city.items.find((i) => i.code === code);
  if (!found) throw new Error(`no item ${code}`);
  return found;
};

/** Answers for every required question of an item, as the report form would send them. */
export function answersFor(catalogItem: CatalogItem): Record<string, string | number | boolean | string[]> {
  const answers: Record<string, string | number | boolean | string[]> = {};
  for (const q of catalogItem.questions.filter((x) => x.required)) {
    if (q.type === 'boolean') answers[q.code] = true;
    else if (q.type === 'singleChoice') answers[q.code] = q.options![0]!.value;
    else if (q.type === 'multiChoice') answers[q.code] = [q.options![0]!.value];
    else if (q.type === 'number') answers[q.code] = 1;
    else answers[q.code] = '现场情况见照片';
  }
  return answers;
}

let keys = 0;

/** A resident reports `itemCode` inside `gridCode` over HTTP (photo uploaded first), returns the case id. */
export async function reportOver(api: Api, token: string, itemCode: string, gridCode = TEAM_GRID, extra: Record<string, unknown> = {}): Promise<string> {
  const catalogItem = item(itemCode);
  const photos = [];
  for (let i = 0; i < Math.max(1, catalogItem.minPhotos); i++) photos.push({ key: await uploadPhoto(api, token) });
  const spot = pointInGrid(gridCode);
  const [lng, lat] = wgs84ToGcj02(spot.lng, spot.lat);
  const answer = await api.post(
    '/v1/cases',
    { itemCode, description: `测试：${catalogItem.name}`, location: { lat, lng, coord: 'gcj02', address: '天河路 1 号' }, photos, answers: answersFor(catalogItem), ...extra },
    token,
    { 'idempotency-key': `work-${Date.now()}-${++keys}` },
  );
  if (answer.status !== 201) throw new Error(`report failed: ${answer.status} ${answer.text}`);
  return answer.body.id as string;
}

/** Acts as a staff member would from the desk: reads the current version, then sends the action. */
export async function act(api: Api, token: string, caseId: string, action: Record<string, unknown>) {
  const current = await api.get(`/v1/work/cases/${caseId}`, token);
  if (current.status !== 200) throw new Error(`read ${caseId} failed: ${current.status} ${current.text}`);
  return api.post(`/v1/work/cases/${caseId}/actions`, { ...action, version: current.body.version }, token);
}

/** Acts and insists on success; returns the staff view after it. */
export async function mustAct(api: Api, token: string, caseId: string, action: Record<string, unknown>) {
  const answer = await act(api, token, caseId, action);
  if (answer.status !== 200) throw new Error(`${String(action.type)} on ${caseId} failed: ${answer.status} ${answer.text}`);
  return answer.body;
}
