import { defineRoute } from '../http/route';
import { buildOpenApi } from '../openapi';

let cached: ReturnType<typeof buildOpenApi> | null = null;

export const handler = defineRoute('get-openapi', async (_req, rt) => {
  cached ??= buildOpenApi({ includeLocalOnly: rt.config.localDevRoutes });
  return { body: cached, headers: { 'cache-control': 'public, max-age=3600' } };
});
