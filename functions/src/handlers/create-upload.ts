import { defineRoute } from '../http/route';

export const handler = defineRoute('create-upload', async (req, rt) => {
  // Counted once answered (the route's limit): a refused type or size costs no quota.
  const body = await rt.photos.presignUpload(req.principal.userId, req.body.contentType, req.body.size, req.now);
  return { body };
});
