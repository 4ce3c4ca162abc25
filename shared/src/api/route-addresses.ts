/*
 * Where each route of the table lives: its id, method and path, and nothing else. Kept apart
 * from routes.ts (which builds every row from this list) so that a client can address the
 * routes without bundling zod or the schemas.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteAddress {
  method: HttpMethod;
  /** API Gateway style path, parameters as {name}. */
  path: string;
}

export const routeAddresses = {
  'auth-wechat': { method: 'POST', path: '/v1/auth/wechat' },
  'get-catalog': { method: 'GET', path: '/v1/catalog' },
  'locate-grid': { method: 'GET', path: '/v1/grids/locate' },
  'create-upload': { method: 'POST', path: '/v1/uploads' },
  'create-case': { method: 'POST', path: '/v1/cases' },
  'list-my-cases': { method: 'GET', path: '/v1/cases' },
  'get-my-case': { method: 'GET', path: '/v1/cases/{id}' },
  'list-work-cases': { method: 'GET', path: '/v1/work/cases' },
  'get-work-case': { method: 'GET', path: '/v1/work/cases/{id}' },
  'find-work-case': { method: 'GET', path: '/v1/work/case-numbers/{number}' },
  'act-on-work-case': { method: 'POST', path: '/v1/work/cases/{id}/actions' },
  'create-invitation': { method: 'POST', path: '/v1/admin/invitations' },
  'redeem-invitation': { method: 'POST', path: '/v1/auth/invitations/{code}' },
  'revoke-staff': { method: 'DELETE', path: '/v1/admin/staff/{id}' },
  'get-openapi': { method: 'GET', path: '/v1/openapi.json' },
  'dev-accounts': { method: 'GET', path: '/v1/dev/accounts' },
  'list-nearby-cases': { method: 'GET', path: '/v1/cases/nearby' },
  'follow-case': { method: 'POST', path: '/v1/cases/{id}/follow' },
  'unfollow-case': { method: 'DELETE', path: '/v1/cases/{id}/follow' },
  'act-on-my-case': { method: 'POST', path: '/v1/cases/{id}/actions' },
  'list-areas': { method: 'GET', path: '/v1/areas' },
  'get-me': { method: 'GET', path: '/v1/me' },
  'set-my-home': { method: 'PUT', path: '/v1/me/home' },
  'list-messages': { method: 'GET', path: '/v1/messages' },
  'read-messages': { method: 'POST', path: '/v1/messages/read' },
  'list-outbox': { method: 'GET', path: '/v1/work/outbox' },
  'retry-outbox': { method: 'POST', path: '/v1/work/outbox/{id}/retry' },
  'get-stats': { method: 'GET', path: '/v1/work/stats' },
  'list-booking-slots': { method: 'GET', path: '/v1/bookings/slots' },
  'create-booking': { method: 'POST', path: '/v1/bookings' },
  'list-my-bookings': { method: 'GET', path: '/v1/bookings' },
  'get-my-booking': { method: 'GET', path: '/v1/bookings/{id}' },
  'act-on-my-booking': { method: 'POST', path: '/v1/bookings/{id}/actions' },
  'list-work-bookings': { method: 'GET', path: '/v1/work/bookings' },
  'act-on-work-booking': { method: 'POST', path: '/v1/work/bookings/{id}/actions' },
  'get-work-booking': { method: 'GET', path: '/v1/work/bookings/{id}' },
  'list-work-booking-slots': { method: 'GET', path: '/v1/work/bookings/{id}/slots' },
  'get-visit-stats': { method: 'GET', path: '/v1/work/visit-stats' },
  'get-availability': { method: 'GET', path: '/v1/work/availability' },
  'put-availability': { method: 'PUT', path: '/v1/work/availability' },
  'list-subscriptions': { method: 'GET', path: '/v1/subscriptions' },
  'report-subscriptions': { method: 'POST', path: '/v1/subscriptions' },
  'vote-on-case': { method: 'POST', path: '/v1/cases/{id}/vote' },
  'get-community-stats': { method: 'GET', path: '/v1/communities/{code}/stats' },
  'content-check-callback': { method: 'POST', path: '/v1/wechat/content-check' },} as const satisfies Record<string, RouteAddress>;

export type RouteId = keyof typeof routeAddresses;

/** The id, method and path of one route, to spread into its row of the table. */
export const at = <Id extends RouteId>(id: Id): { id: Id } & (typeof routeAddresses)[Id] => ({ id, ...routeAddresses[id] });
