import type { Principal } from '@gridtong/shared/schemas/roles';

/** Who is asking and when: the one context every service call takes instead of positional arguments. */
export interface RequestContext {
  principal: Principal;
  now: Date;
  actorName?: string;
}

/** The context of an authenticated route request (routes without roles have no principal and no context). */
export function requestContext(req: { principal: Principal; now: Date; actorName?: string | undefined }): RequestContext {
  return req.actorName === undefined ? { principal: req.principal, now: req.now } : { principal: req.principal, now: req.now, actorName: req.actorName };
}
