import { defineRoute } from '../http/route';
import { DomainError } from '@gridtong/shared/errors';
import { followerCaseView } from '../cases/neighbour-views';
import { residentCaseView } from '../cases/resident-views';

export const handler = defineRoute('get-my-case', async (req, rt) => {
  const found = await rt.cases.get(req.params.id);
  if (found && found.residentId === req.principal.userId) {
    return { body: await residentCaseView(found, await rt.city.get(), rt.photos, req.principal, req.now) };
  }
  // A follower sees the anonymised view; anyone else's case is indistinguishable from no case at all.
  if (found && (await rt.follows.isFollowing(found.id, req.principal.userId))) {
    return { body: await followerCaseView(found, await rt.city.get(), rt.photos, req.principal, req.now) };
  }
  throw new DomainError('CASE.NOT_FOUND', '未找到该上报');
});
