/*
 * Request and response types of every API route, derived from the one route table in
 * shared/. Type-only imports: nothing of zod reaches the mini-program bundle.
 */
import type * as z from 'zod';
import type { routes } from '@gridtong/shared/api/routes';

type Route = (typeof routes)[number];
export type RouteId = Route['id'];
type RouteOf<Id extends RouteId> = Extract<Route, { id: Id }>;

export type ResponseOf<Id extends RouteId> = z.output<RouteOf<Id>['response']['body']>;
export type BodyOf<Id extends RouteId> = RouteOf<Id> extends { request: { body: infer B extends z.ZodType } } ? z.input<B> : never;
export type QueryOf<Id extends RouteId> = RouteOf<Id> extends { request: { query: infer Q extends z.ZodType } } ? z.input<Q> : never;
export type MethodOf<Id extends RouteId> = RouteOf<Id>['method'];
export type PathOf<Id extends RouteId> = RouteOf<Id>['path'];

/** Where each route the client calls lives; the compiler keeps this in step with the table. */
export type RouteAddresses = { [Id in RouteId]?: readonly [MethodOf<Id>, PathOf<Id>] };
