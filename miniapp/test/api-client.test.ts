import { ApiError, createApiClient } from '../src/services/api';
import { NetworkError, platform } from '../src/services/platform';
import { session } from '../src/services/session';
import { catalog, login } from './fixtures';

const client = () => createApiClient({ baseUrl: 'http://api.test' });

describe('API client', () => {
  let reLaunch: jest.SpyInstance;
  beforeEach(() => {
    session.clear();
    reLaunch = jest.spyOn(platform, 'reLaunch').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('keeps the session from login and sends its token as a bearer header', async () => {
    // Prepare
    const request = jest
      .spyOn(platform, 'request')
      .mockResolvedValueOnce({ status: 200, data: login })
      .mockResolvedValueOnce({ status: 200, data: catalog });
    const api = client();

    // Act
    await api.login('dev-zhangsan');
    const result = await api.catalog();

    // Assess
    expect(request).toHaveBeenNthCalledWith(1, expect.objectContaining({ method: 'POST', url: 'http://api.test/v1/auth/wechat', data: { code: 'dev-zhangsan' }, headers: {} }));
    expect(session.get()?.user.name).toBe('张三');
    expect(platform.getItem('gridtong.session')).toContain('tok-123');
    expect(request).toHaveBeenNthCalledWith(2, expect.objectContaining({ method: 'GET', url: 'http://api.test/v1/catalog', headers: { authorization: 'Bearer tok-123' } }));
    expect(result.items).toHaveLength(catalog.items.length);
  });

  it('forgets an expired session before sending anything', () => {
    // Prepare
    session.save({ ...login, expiresAt: '2020-01-01T00:00:00.000Z' });

    // Act / Assess
    expect(session.get()).toBeUndefined();
    expect(platform.getItem('gridtong.session')).toBeUndefined();
  });

  it('on 401 clears the session and sends the user to login', async () => {
    // Prepare
    session.save(login);
    jest.spyOn(platform, 'request').mockResolvedValue({ status: 401, data: { error: { code: 'AUTH.INVALID_TOKEN', message: '令牌无效' } } });

    // Act
    const error = await client().catalog().catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'UNAUTHORIZED', status: 401, message: '登录已过期，请重新登录' });
    expect(session.get()).toBeUndefined();
    expect(reLaunch).toHaveBeenCalledWith('/pages/login/index');
  });

  it('a failed login (401 without a session) shows the server message and stays put', async () => {
    // Prepare
    jest.spyOn(platform, 'request').mockResolvedValue({ status: 401, data: { error: { code: 'AUTH.BAD_CODE', message: '登录码无效' } } });

    // Act
    const error = await client().login('dev-nobody').catch((e: unknown) => e);

    // Assess
    expect(error).toMatchObject({ code: 'AUTH.BAD_CODE', message: '登录码无效' });
    expect(reLaunch).not.toHaveBeenCalled();
    expect(session.get()).toBeUndefined();
  });

  it('retries a GET once on a network failure, then answers in Chinese', async () => {
    // Prepare
    session.save(login);
    const request = jest.spyOn(platform, 'request').mockRejectedValue(new NetworkError('request:fail', false));

    // Act
    const error = await client().catalog().catch((e: unknown) => e);

    // Assess
    expect(request).toHaveBeenCalledTimes(2);
    expect(error).toMatchObject({ code: 'NETWORK', status: 0, message: '网络连接失败，请检查网络后重试' });
    expect(session.get()).toBeDefined();
  });

  it('a GET that times out once succeeds on its retry', async () => {
    // Prepare
    session.save(login);
    const request = jest
      .spyOn(platform, 'request')
      .mockRejectedValueOnce(new NetworkError('request:fail timeout', true))
      .mockResolvedValueOnce({ status: 200, data: catalog });

    // Act
    const result = await client().catalog();

    // Assess
    expect(request).toHaveBeenCalledTimes(2);
    expect(result.version).toBe('test-1');
  });

  it('never repeats a POST, and says when it timed out', async () => {
    // Prepare
    const request = jest.spyOn(platform, 'request').mockRejectedValue(new NetworkError('request:fail timeout', true));

    // Act
    const error = await client().login('dev-zhangsan').catch((e: unknown) => e);

    // Assess
    expect(request).toHaveBeenCalledTimes(1);
    expect(error).toMatchObject({ code: 'TIMEOUT', message: '网络较慢，请求超时，请稍后重试' });
  });

  it('passes a request timeout to the platform', async () => {
    // Prepare
    const request = jest.spyOn(platform, 'request').mockResolvedValue({ status: 200, data: catalog });

    // Act
    await createApiClient({ baseUrl: '', timeoutMs: 4000 }).catalog();

    // Assess
    expect(request).toHaveBeenCalledWith(expect.objectContaining({ url: '/v1/catalog', timeoutMs: 4000 }));
  });

  it('turns an unexpected server answer into a readable message', async () => {
    // Prepare
    jest.spyOn(platform, 'request').mockResolvedValue({ status: 500, data: '<html>Bad Gateway</html>' });

    // Act
    const error = await client().devAccounts().catch((e: unknown) => e);

    // Assess
    expect(error).toMatchObject({ code: 'HTTP_500', message: '服务暂时不可用，请稍后重试' });
  });
});

describe('platform.request', () => {
  afterEach(() => jest.restoreAllMocks());

  it('turns a Taro request failure into a NetworkError that knows about timeouts', async () => {
    // Prepare
    const Taro = (await import('@tarojs/taro')).default;
    jest.spyOn(Taro, 'request').mockImplementation((() => Promise.reject({ errMsg: 'request:fail timeout' })) as unknown as typeof Taro.request);

    // Act
    const error = await platform.request({ url: '/v1/catalog', method: 'GET', timeoutMs: 10 }).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ timedOut: true });
  });
});

describe('API client addresses', () => {
  it('every route the client calls is a row of the route table, with its method', async () => {
    const { routes } = await import('@gridtong/shared/api/routes');
    const { ROUTES } = await import('../src/services/api');
    for (const [id, [method, path]] of Object.entries(ROUTES)) {
      expect(routes.find((r) => r.id === id)).toMatchObject({ method, path });
    }
  });
});
