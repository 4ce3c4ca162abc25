import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A demo login code `dev-<name>` always maps to the same openid, like a real user would. */
export const DEV_CODE = /^dev-([a-z0-9][a-z0-9_-]{0,31})$/i;

export function devOpenid(name: string): string {
  return `o${createHash('sha256').update(`gridtong-dev:${name.toLowerCase()}`).digest('base64url').slice(0, 27)}`;
}

export interface SentMessage {
  touser: string;
  template_id: string;
  data: unknown;
  page?: string;
}

export interface WechatStandin {
  url: string;
  /** Subscribe messages "delivered", for tests and the console. */
  sent: SentMessage[];
  stop(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) return {};
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/**
 * A local stand-in for the slice of the WeChat server API the backend calls, over real
 * HTTP on 127.0.0.1: jscode2session, stable_token, subscribe send, msg_sec_check.
 */
export async function startWechatStandin(port = 0): Promise<WechatStandin> {
  const sent: SentMessage[] = [];
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const reply = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    switch (url.pathname) {
      case '/sns/jscode2session': {
        const code = url.searchParams.get('js_code') ?? '';
        const match = DEV_CODE.exec(code);
        if (!url.searchParams.get('appid') || !url.searchParams.get('secret')) return reply({ errcode: 41002, errmsg: 'appid missing' });
        if (!match?.[1]) return reply({ errcode: 40029, errmsg: 'invalid code' });
        return reply({ openid: devOpenid(match[1]), session_key: randomBytes(16).toString('base64') });
      }
      case '/cgi-bin/stable_token':
        return reply({ access_token: `local-${randomBytes(12).toString('hex')}`, expires_in: 7200 });
      case '/cgi-bin/message/subscribe/send': {
        const body = await readJson(req);
        sent.push(body as unknown as SentMessage);
        return reply({ errcode: 0, errmsg: 'ok' });
      }
      case '/wxa/msg_sec_check':
        return reply({ errcode: 0, errmsg: 'ok', result: { suggest: 'pass', label: 100 } });
      default:
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errcode: 404, errmsg: 'not found' }));
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    sent,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
