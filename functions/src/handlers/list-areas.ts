import { defineRoute } from '../http/route';
import { areasView } from '../city/area-views';

export const handler = defineRoute('list-areas', async (_req, rt) => {
  const city = await rt.city.get();
  return { body: areasView(city), headers: { 'cache-control': 'private, max-age=300' } };
});
