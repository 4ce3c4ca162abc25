import { residentCaseAccess } from '@gridtong/shared/case/index';
import { DomainError } from '@gridtong/shared/errors';
import { defineRoute } from '../http/route';
import { followerCaseView } from '../cases/neighbour-views';
import { residentCaseView } from '../cases/resident-views';

export const handler = defineRoute('get-my-case', async (req, rt) => {
  const [found, following] = await Promise.all([rt.cases.get(req.params.id), rt.follows.isFollowing(req.params.id, req.principal.userId)]);
  switch (residentCaseAccess(found, req.principal.userId, following)) {
    case 'reporter':
      return { body: await residentCaseView(found!, await rt.city.get(), rt.photos, req.principal, req.now) };
    case 'follower':
      return { body: await followerCaseView(found!, await rt.city.get(), rt.photos, req.principal, req.now) };
    case 'none':
      throw new DomainError('CASE.NOT_FOUND', '未找到该上报');
  }
});
