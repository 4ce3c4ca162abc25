import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { routes, type RouteDef } from '@gridtong/shared/api/routes';
import type { HttpHandler } from '../handlers/index';

const MAX_BODY_BYTES = 1024 * 1024;

interface CompiledRoute {
  route: RouteDef;
  pattern: RegExp;
  paramNames: string[];
}

function compile(route: RouteDef): CompiledRoute {
  const paramNames: string[] = [];
  const source = route.path
    .split('/')
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment);
      if (param?.[1]) {
        paramNames.push(param[1]);
        return '([^/]+)';
      }
      return segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { route, pattern: new RegExp(`^${source}$`), paramNames };
}

const STATIC_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

/** A malformed escape (`%E0%A4%A`) stays as sent, so the route's own schema refuses it with a 400. */
function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function lambdaContext(routeId: string): Context {
  const started = Date.now();
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: `gridtong-local-${routeId}`,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:gridtong-local-${routeId}`,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/gridtong-local-${routeId}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, 10_000 - (Date.now() - started)),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

function toEvent(req: IncomingMessage, url: URL, compiled: CompiledRoute, params: Record<string, string>, body: Buffer): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(',') : v;
  const query: Record<string, string> = {};
  // API Gateway joins repeated query parameters with commas; so do we.
  for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
  const routeKey = `${compiled.route.method} ${compiled.route.path}`;
  const text = body.length > 0 ? body.toString('utf8') : undefined;
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.replace(/^\?/, ''),
    headers,
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    ...(Object.keys(params).length ? { pathParameters: params } : {}),
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? '127.0.0.1',
      domainPrefix: 'local',
      http: { method: compiled.route.method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp: req.socket.remoteAddress ?? '127.0.0.1', userAgent: headers['user-agent'] ?? '' },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: new Date().toISOString(),
      timeEpoch: Date.now(),
    },
    ...(text !== undefined ? { body: text } : {}),
    isBase64Encoded: false,
  };
}

export interface BridgeOptions {
  handlers: Record<string, HttpHandler>;
  /** Routes to expose; localOnly ones are included only in the local stack. */
  includeLocalOnly: boolean;
  /** Built H5 app served at / from the same origin as the API. */
  h5Dir?: string;
  port?: number;
  onAccess?: (line: { method: string; path: string; status: number; ms: number }) => void;
}

/**
 * Local HTTP → API Gateway HTTP API (payload v2) → the same Lambda handlers the CDK stack
 * deploys, matched with the same route table.
 */
export async function startBridge(options: BridgeOptions): Promise<{ url: string; server: Server; stop(): Promise<void> }> {
  const table = (routes as readonly RouteDef[]).filter((r) => options.includeLocalOnly || !r.localOnly).map(compile);
  const h5Root = options.h5Dir ? resolve(options.h5Dir) : undefined;

  async function serveStatic(res: ServerResponse, pathname: string) {
    if (!h5Root) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('H5 build not found: run `npm run build:h5 -w miniapp`.');
      return;
    }
    const relative = normalize(decodeURIComponent(pathname === '/' ? '/index.html' : pathname)).replace(/^([/\\])+/, '');
    const file = join(h5Root, relative);
    if (!file.startsWith(h5Root + sep)) return sendJson(res, 404, { error: { code: 'ROUTE.NOT_FOUND', message: '页面不存在' } });
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found');
      return;
    }
    res.writeHead(200, {
      'content-type': STATIC_TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': String(info.size),
      'cache-control': relative === 'index.html' ? 'no-cache' : 'public, max-age=300',
    });
    createReadStream(file).pipe(res);
  }

  const server = createServer(async (req, res) => {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    res.on('finish', () => options.onAccess?.({ method, path: url.pathname, status: res.statusCode, ms: Math.round(performance.now() - started) }));
    try {
      if (!url.pathname.startsWith('/v1/')) {
        if (method !== 'GET' && method !== 'HEAD') return sendJson(res, 405, { error: { code: 'ROUTE.METHOD_NOT_ALLOWED', message: '不支持的请求方法' } });
        return await serveStatic(res, url.pathname);
      }
      const candidates = table.map((c) => ({ c, m: c.pattern.exec(url.pathname) })).filter((x) => x.m);
      if (candidates.length === 0) return sendJson(res, 404, { error: { code: 'ROUTE.NOT_FOUND', message: '接口不存在' } });
      // As API Gateway does: a literal segment beats a parameter (/v1/cases/nearby before /v1/cases/{id}).
      const hit = candidates.filter((x) => x.c.route.method === method).sort((x, y) => x.c.paramNames.length - y.c.paramNames.length)[0];
      if (!hit) {
        return sendJson(res, 405, { error: { code: 'ROUTE.METHOD_NOT_ALLOWED', message: '不支持的请求方法' } }, { allow: candidates.map((x) => x.c.route.method).join(', ') });
      }
      const body = await readBody(req);
      if (body === 'too-large') return sendJson(res, 413, { error: { code: 'REQUEST.TOO_LARGE', message: '请求内容过大' } });
      const params = Object.fromEntries(hit.c.paramNames.map((name, i) => [name, decodePathSegment(hit.m![i + 1] ?? '')]));
      const handler = options.handlers[hit.c.route.id];
      if (!handler) return sendJson(res, 501, { error: { code: 'ROUTE.NOT_IMPLEMENTED', message: '接口尚未实现' } });
      const result = await handler(toEvent(req, url, hit.c, params, body), lambdaContext(hit.c.route.id));
      res.writeHead(result.statusCode ?? 200, (result.headers ?? {}) as Record<string, string>);
      res.end(typeof result.body === 'string' ? result.body : '');
    } catch {
      // The handlers map their own errors; reaching here means the bridge itself failed.
      if (!res.headersSent) sendJson(res, 500, { error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' } });
      else res.end();
    }
  });
  await new Promise<void>((done) => server.listen(options.port ?? 0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    stop: () =>
      new Promise((done) => {
        server.closeAllConnections?.();
        server.close(() => done());
      }),
  };
}
