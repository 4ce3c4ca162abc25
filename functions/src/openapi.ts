import * as z from 'zod';
import { errorBodySchema } from '@gridtong/shared/api/auth';
import { deployedRoutes, routes, type RouteDef } from '@gridtong/shared/api/routes';

const ERROR_TEXT: Record<number, string> = {
  400: '请求有误（字段路径见 details）',
  401: '未登录或登录已过期',
  403: '无权访问',
  404: '不存在',
  409: '冲突（幂等键复用或状态已变化）',
  410: '已过期',
  413: '内容过大',
  415: '请求格式应为 JSON',
  422: '内容不符合业务规则',
  429: '请求过于频繁（见 Retry-After）',
  502: '上游服务异常',
};

type JsonSchema = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  return json;
}

function parametersOf(schema: z.ZodType | undefined, location: 'query' | 'path') {
  if (!schema) return [];
  const json = schemaOf(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}

function operation(route: RouteDef) {
  const statuses = [400, 401, 500, ...(route.errors ?? [])].filter((s, i, all) => all.indexOf(s) === i && (route.roles !== null || s !== 401));
  const errorResponses = Object.fromEntries(
    statuses.map((status) => [String(status), { $ref: status === 500 ? '#/components/responses/Internal' : `#/components/responses/E${status}` }]),
  );
  return {
    operationId: route.id,
    summary: route.summary,
    ...(route.roles === null ? { security: [] } : { 'x-roles': route.roles }),
    parameters: [
      ...parametersOf(route.request?.query, 'query'),
      ...parametersOf(route.request?.params, 'path'),
      ...(route.idempotent ? [{ name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,64}$' } }] : []),
    ],
    ...(route.request?.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(route.request.body, 'input') } } } } : {}),
    responses: {
      [String(route.response.status)]: { description: 'OK', content: { 'application/json': { schema: schemaOf(route.response.body, 'output') } } },
      ...errorResponses,
    },
  };
}

/** OpenAPI 3.1 from the route table and the shared schemas: never written by hand. */
export function buildOpenApi(options: { includeLocalOnly: boolean; serverUrl?: string }) {
  const list = options.includeLocalOnly ? (routes as readonly RouteDef[]) : deployedRoutes();
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of list) {
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = operation(route);
  }
  const error = schemaOf(errorBodySchema, 'output');
  const usedStatuses = new Set(list.flatMap((r) => [400, 401, ...(r.errors ?? [])]));
  return {
    openapi: '3.1.0',
    info: { title: '网格通 API', version: '1', description: '居民“点菜下单”上报、网格定位与案件跟踪接口。' },
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    security: [{ session: [] }],
    paths,
    components: {
      securitySchemes: { session: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      responses: {
        ...Object.fromEntries(
          [...usedStatuses].map((s) => [`E${s}`, { description: ERROR_TEXT[s] ?? '错误', content: { 'application/json': { schema: error } } }]),
        ),
        Internal: { description: '服务内部错误（不含细节）', content: { 'application/json': { schema: error } } },
      },
    },
  };
}
