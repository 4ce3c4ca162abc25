/*
 * Request and response types of every API route, derived from the one route table in
 * shared/. Type-only imports: nothing of zod reaches the mini-program bundle.
 */
import type * as z from 'zod';
import type { routes } from '@gridtong/shared/api/routes';

type Route = (typeof routes)[number];
export type RouteId = Route['id'];
type RouteOf<Id extends RouteId> = Extract<Route, { id: Id }>;
type RequestOf<Id extends RouteId> = RouteOf<Id> extends { request: infer R } ? R : object;
type InputOf<Id extends RouteId, Part extends string> = RequestOf<Id> extends { [P in Part]: infer S extends z.ZodType } ? z.input<S> : never;

export type ResponseOf<Id extends RouteId> = z.output<RouteOf<Id>['response']['body']>;
export type BodyOf<Id extends RouteId> = InputOf<Id, 'body'>;
export type QueryOf<Id extends RouteId> = InputOf<Id, 'query'>;
export type ParamsOf<Id extends RouteId> = InputOf<Id, 'params'>;

/** A part of a call: required when the route has it and it has a required field, optional when all its fields are, absent otherwise. */
type Part<Name extends string, T> = [T] extends [never] ? { [K in Name]?: never } : object extends T ? { [K in Name]?: T } : { [K in Name]: T };

/** What `call()` takes for a route: its path parameters, query, body and, on creation, the idempotency key. */
export type CallOptions<Id extends RouteId> = Part<'params', ParamsOf<Id>> &
  Part<'query', QueryOf<Id>> &
  Part<'body', BodyOf<Id>> &
  (RouteOf<Id> extends { idempotent: true } ? { idempotencyKey: string } : { idempotencyKey?: never });

/** `call(id)` alone when the route needs nothing more, `call(id, options)` otherwise. */
export type CallArgs<Id extends RouteId> = object extends CallOptions<Id> ? [options?: CallOptions<Id>] : [options: CallOptions<Id>];
