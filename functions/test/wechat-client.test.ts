import { isDomainError } from '@gridtong/shared/errors';
import { WechatClient } from '../src/adapters/wechat';
import { devOpenid, startWechatStandin, type WechatStandin } from '../src/local/wechat-standin';

let standin: WechatStandin;
let sleeps: number[];

beforeEach(async () => {
  standin = await startWechatStandin();
  sleeps = [];
});

afterEach(async () => {
  await standin.stop();
});

function client(now: () => Date = () => new Date()) {
  return new WechatClient(standin.url, 'wx-local-appid', async () => 'local-wechat-secret', {
    now,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
}

const message = (n: number) => ({
  openid: devOpenid(`resident${n}`),
  templateId: 'tpl-progress',
  page: 'pages/cases/index',
  data: { thing1: { value: '树木倒伏' }, phrase2: { value: '处置中' } },
});

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected a failure');
}

describe('WeChat client over real HTTP', () => {
  it('fetches one access token for 100 concurrent sends, and every message arrives', async () => {
    const wechat = client();
    await Promise.all(Array.from({ length: 100 }, (_, i) => wechat.sendSubscribeMessage(message(i))));
    expect(standin.tokenFetches()).toBe(1);
    expect(standin.sent).toHaveLength(100);
  });

  it('keeps the token until 5 minutes before it expires, then fetches a new one', async () => {
    let now = Date.parse('2026-11-22T02:00:00Z');
    const wechat = client(() => new Date(now));
    await wechat.sendSubscribeMessage(message(1));
    now += (7200 - 301) * 1000;
    await wechat.sendSubscribeMessage(message(2));
    expect(standin.tokenFetches()).toBe(1);
    now += 2000;
    await wechat.sendSubscribeMessage(message(3));
    expect(standin.tokenFetches()).toBe(2);
  });

  it('renews an invalidated token once (40001) and sends, with one fetch for many callers', async () => {
    const wechat = client();
    await wechat.sendSubscribeMessage(message(0));
    standin.expireTokens();
    await Promise.all(Array.from({ length: 20 }, (_, i) => wechat.sendSubscribeMessage(message(i))));
    expect(standin.tokenFetches()).toBe(2);
    expect(standin.sent).toHaveLength(21);
  });

  it('gives up after one renewal when WeChat keeps answering 40001', async () => {
    const wechat = client();
    standin.failNext('subscribe_send', 40001, 5);
    const err = await failure(wechat.sendSubscribeMessage(message(1)));
    expect(isDomainError(err, 'UPSTREAM.WECHAT_TOKEN')).toBe(true);
    expect(standin.tokenFetches()).toBe(2);
    expect(standin.sent).toHaveLength(0);
  });

  it('retries a busy answer (-1) with growing backoff, then sends', async () => {
    const wechat = client();
    standin.failNext('subscribe_send', -1, 2);
    await wechat.sendSubscribeMessage(message(1));
    expect(sleeps).toEqual([200, 400]);
    expect(standin.sent).toHaveLength(1);
  });

  it('stops retrying a busy WeChat after three retries', async () => {
    const wechat = client();
    standin.failNext('subscribe_send', -1, 10);
    const err = await failure(wechat.sendSubscribeMessage(message(1)));
    expect(isDomainError(err, 'UPSTREAM.WECHAT_BUSY')).toBe(true);
    expect(sleeps).toEqual([200, 400, 800]);
  });

  it.each([
    [43101, 'WECHAT.SUBSCRIPTION_REFUSED'],
    [45009, 'WECHAT.SEND_QUOTA_EXCEEDED'],
  ] as const)('does not retry %i (%s)', async (errcode, code) => {
    const wechat = client();
    standin.failNext('subscribe_send', errcode, 1);
    const err = await failure(wechat.sendSubscribeMessage(message(1)));
    expect(isDomainError(err, code)).toBe(true);
    expect(sleeps).toEqual([]);
    // Had it retried, the second attempt would have gone through.
    expect(standin.sent).toHaveLength(0);
  });

  it('reports a text judged risky by msgSecCheck, and passes an ordinary one', async () => {
    const wechat = client();
    standin.flag('违禁词');
    await expect(wechat.checkText({ openid: devOpenid('a'), content: '路灯不亮了', scene: 2 })).resolves.toMatchObject({ suggest: 'pass' });
    await expect(wechat.checkText({ openid: devOpenid('a'), content: '这里有违禁词', scene: 2 })).resolves.toMatchObject({ suggest: 'risky' });
  });
});
