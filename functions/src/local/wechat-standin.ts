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
  data: Record<string, { value: string }>;
  page?: string;
  /** When the stand-in accepted it. */
  at: string;
}

/** The server APIs whose answers can be switched to an error. */
export type StandinApi = 'stable_token' | 'subscribe_send' | 'msg_sec_check' | 'media_check_async';

export interface ContentCallback {
  traceId: string;
  status: number;
}

export interface WechatStandin {
  url: string;
  /** Subscribe messages "delivered", for tests and the console (/dev/wechat). */
  sent: SentMessage[];
  /** stable_token requests answered. */
  tokenFetches(): number;
  /** The next `times` calls of `api` answer `errcode` (e.g. 40001, -1, 43101, 45009). */
  failNext(api: StandinApi, errcode: number, times?: number): void;
  /** Texts containing `word` are judged risky; photo links containing it too. */
  flag(word: string): void;
  /** Every access token handed out so far stops working (the next call gets 40001). */
  expireTokens(): void;
  /** Where mediaCheckAsync verdicts are posted, signed with `token` as WeChat does. */
  setContentCallback(url: string, token: string): void;
  /** Callbacks posted so far and how our endpoint answered. */
  callbacks: ContentCallback[];
  /** Resolves when every callback started so far has been answered. */
  settled(): Promise<void>;
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

/** WeChat's message-push signature: sha1 of token, timestamp and nonce sorted and joined. */
export function wechatSignature(token: string, timestamp: string, nonce: string): string {
  return createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function sentPage(sent: readonly SentMessage[]): string {
  const rows = [...sent].reverse().map((m) => {
    const fields = Object.entries(m.data).map(([k, v]) => `<div><b>${escapeHtml(k)}</b> ${escapeHtml(v.value)}</div>`).join('');
    return `<tr><td>${escapeHtml(m.at)}</td><td>${escapeHtml(m.touser.slice(0, 6))}…</td><td>${escapeHtml(m.template_id)}</td><td>${fields}</td><td>${escapeHtml(m.page ?? '')}</td></tr>`;
  }).join('');
  return `<!doctype html><meta charset="utf-8"><title>订阅消息（本地）</title>
<style>body{font:16px/1.5 sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top}</style>
<h1>本地微信替身：已发送的订阅消息（${sent.length}）</h1>
<table><tr><th>时间</th><th>接收者</th><th>模板</th><th>内容</th><th>页面</th></tr>${rows}</table>`;
}

/**
 * A local stand-in for the slice of the WeChat server API the backend calls, over real
 * HTTP on 127.0.0.1: jscode2session, stable_token, subscribe send, msgSecCheck v2 and
 * mediaCheckAsync (whose verdict it posts, signed, to our callback), with switches to
 * inject each error and to flag content. GET /dev/wechat lists what was sent.
 */
export async function startWechatStandin(port = 0, options: { now?: () => Date; callbackDelayMs?: number } = {}): Promise<WechatStandin> {
  const now = options.now ?? (() => new Date());
  const sent: SentMessage[] = [];
  const callbacks: ContentCallback[] = [];
  const inFlight = new Set<Promise<void>>();
  const failures = new Map<StandinApi, number[]>();
  const flagged: string[] = [];
  let tokens = new Set<string>();
  let fetches = 0;
  let callback: { url: string; token: string } | null = null;

  const injected = (api: StandinApi): number | undefined => failures.get(api)?.shift();
  const isFlagged = (text: string) => flagged.some((w) => text.includes(w));
  const validToken = (url: URL) => tokens.has(url.searchParams.get('access_token') ?? '');

  const postVerdict = (traceId: string, mediaUrl: string, openid: string) => {
    if (!callback) return;
    const { url, token } = callback;
    const timestamp = String(Math.floor(now().getTime() / 1000));
    const nonce = randomBytes(8).toString('hex');
    const suggest = isFlagged(mediaUrl) ? 'risky' : 'pass';
    const query = new URLSearchParams({ signature: wechatSignature(token, timestamp, nonce), timestamp, nonce });
    const body = {
      ToUserName: 'gh_local', FromUserName: openid, CreateTime: Number(timestamp), MsgType: 'event', Event: 'wxa_media_check',
      appid: 'wx-local-appid', trace_id: traceId, version: 2,
      detail: [{ strategy: 'content_model', errcode: 0, suggest, label: suggest === 'pass' ? 100 : 20002 }],
      errcode: 0, errmsg: 'ok', result: { suggest, label: suggest === 'pass' ? 100 : 20002 },
    };
    const job = fetch(`${url}?${query}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then((r) => {
        callbacks.push({ traceId, status: r.status });
      })
      .catch(() => {
        callbacks.push({ traceId, status: 0 });
      })
      .finally(() => inFlight.delete(job));
    inFlight.add(job);
  };

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const reply = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const failWith = (errcode: number) => reply({ errcode, errmsg: `injected ${errcode}` });
    switch (url.pathname) {
      case '/sns/jscode2session': {
        const code = url.searchParams.get('js_code') ?? '';
        const match = DEV_CODE.exec(code);
        if (!url.searchParams.get('appid') || !url.searchParams.get('secret')) return reply({ errcode: 41002, errmsg: 'appid missing' });
        if (!match?.[1]) return reply({ errcode: 40029, errmsg: 'invalid code' });
        return reply({ openid: devOpenid(match[1]), session_key: randomBytes(16).toString('base64') });
      }
      case '/cgi-bin/stable_token': {
        fetches++;
        const body = await readJson(req);
        const error = injected('stable_token');
        if (error !== undefined) return failWith(error);
        if (!body.appid || !body.secret || body.grant_type !== 'client_credential') return reply({ errcode: 40013, errmsg: 'invalid appid' });
        const token = `local-${randomBytes(12).toString('hex')}`;
        tokens.add(token);
        return reply({ access_token: token, expires_in: 7200 });
      }
      case '/cgi-bin/message/subscribe/send': {
        const body = await readJson(req);
        if (!validToken(url)) return failWith(40001);
        const error = injected('subscribe_send');
        if (error !== undefined) return failWith(error);
        if (typeof body.touser !== 'string' || typeof body.template_id !== 'string') return failWith(40003);
        sent.push({ ...(body as unknown as Omit<SentMessage, 'at'>), at: now().toISOString() });
        return reply({ errcode: 0, errmsg: 'ok', msgid: sent.length });
      }
      case '/wxa/msg_sec_check': {
        const body = await readJson(req);
        if (!validToken(url)) return failWith(40001);
        const error = injected('msg_sec_check');
        if (error !== undefined) return failWith(error);
        const risky = isFlagged(String(body.content ?? ''));
        return reply({
          errcode: 0, errmsg: 'ok', trace_id: randomBytes(8).toString('hex'),
          result: { suggest: risky ? 'risky' : 'pass', label: risky ? 20001 : 100 },
        });
      }
      case '/wxa/media_check_async': {
        const body = await readJson(req);
        if (!validToken(url)) return failWith(40001);
        const error = injected('media_check_async');
        if (error !== undefined) return failWith(error);
        const traceId = randomBytes(12).toString('hex');
        reply({ errcode: 0, errmsg: 'ok', trace_id: traceId });
        // The verdict follows the answer a little later, as on WeChat.
        const job = new Promise<void>((resolve) => {
          setTimeout(() => {
            postVerdict(traceId, String(body.media_url ?? ''), String(body.openid ?? ''));
            resolve();
          }, options.callbackDelayMs ?? 100);
        });
        inFlight.add(job);
        void job.then(() => inFlight.delete(job));
        return;
      }
      case '/dev/wechat':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(sentPage(sent));
        return;
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
    callbacks,
    tokenFetches: () => fetches,
    failNext: (api, errcode, times = 1) => {
      failures.set(api, [...(failures.get(api) ?? []), ...Array.from({ length: times }, () => errcode)]);
    },
    flag: (word) => {
      flagged.push(word);
    },
    expireTokens: () => {
      tokens = new Set();
    },
    setContentCallback: (url, token) => {
      callback = { url, token };
    },
    settled: async () => {
      while (inFlight.size) await Promise.all([...inFlight]);
    },
    stop: async () => {
      await Promise.all([...inFlight]);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
