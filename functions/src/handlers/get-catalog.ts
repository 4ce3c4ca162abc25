import { defineRoute } from '../http/route';

export const handler = defineRoute('get-catalog', async (_req, rt) => {
  const city = await rt.city.get();
  return {
    body: {
      items: city.data.items.filter((item) => item.active),
      services: city.data.services,
      version: city.version,
    },
    headers: { 'cache-control': 'private, max-age=300' },
  };
});
