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
    const result = await api.call('get-catalog');

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
    const error = await client().call('get-catalog').catch((e: unknown) => e);

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
    const error = await client().call('get-catalog').catch((e: unknown) => e);

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
    const result = await client().call('get-catalog');

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
    await createApiClient({ baseUrl: '', timeoutMs: 4000 }).call('get-catalog');

    // Assess
    expect(request).toHaveBeenCalledWith(expect.objectContaining({ url: '/v1/catalog', timeoutMs: 4000 }));
  });

  it('turns an unexpected server answer into a readable message', async () => {
    // Prepare
    jest.spyOn(platform, 'request').mockResolvedValue({ status: 500, data: '<html>Bad Gateway</html>' });

    // Act
    const error = await client().call('dev-accounts').catch((e: unknown) => e);

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
  it('every route of the table is addressed, with its method and path, and every address is a row', async () => {
    const { routes } = await import('@gridtong/shared/api/routes');
    const { routeAddresses } = await import('@gridtong/shared/api/route-addresses');
    for (const [id, { method, path }] of Object.entries(routeAddresses)) {
      expect(routes.find((r) => r.id === id)).toMatchObject({ method, path });
    }
    expect(routes.map((r) => r.id).sort()).toEqual(Object.keys(routeAddresses).sort());
  });
});

describe('call()', () => {
  beforeEach(() => {
    session.clear();
    session.save(login);
  });
  afterEach(() => jest.restoreAllMocks());

  it('takes method and path from the row, fills the path parameters and appends the query', async () => {
    // Prepare
    const request = jest.spyOn(platform, 'request').mockResolvedValue({ status: 200, data: { id: 'C1' } });

    // Act
    await client().call('get-work-case', { params: { id: 'C0000 000/01' }, query: { reveal: 'contact', reason: '联系 上报人' } });

    // Assess
    expect(request).toHaveBeenCalledWith(
      expect.objectContaining({
        method: 'GET',
        url: 'http://api.test/v1/work/cases/C0000%20000%2F01?reveal=contact&reason=%E8%81%94%E7%B3%BB%20%E4%B8%8A%E6%8A%A5%E4%BA%BA',
        data: undefined,
        headers: { authorization: 'Bearer tok-123' },
      }),
    );
  });

  it('leaves out empty query values', async () => {
    // Prepare
    const request = jest.spyOn(platform, 'request').mockResolvedValue({ status: 200, data: { cases: [], nextCursor: null } });

    // Act
    await client().call('list-work-cases', { query: { queue: 'grid', status: undefined, cursor: '' } });

    // Assess
    expect(request).toHaveBeenCalledWith(expect.objectContaining({ method: 'GET', url: 'http://api.test/v1/work/cases?queue=grid' }));
  });

  it('sends the body with the row\'s method, and the idempotency key on a creation', async () => {
    // Prepare
    const request = jest.spyOn(platform, 'request').mockResolvedValue({ status: 201, data: { id: 'B1' } });
    const body = { serviceCode: 'S1', workerId: 'W1', start: '2026-12-08T06:00:00.000Z', materialsReady: ['身份证'], address: '天河路 1 号' };

    // Act
    await client().call('create-booking', { body, idempotencyKey: 'key-1' });
    await client().call('set-my-home', { body: { gridCode: 'G1' } });

    // Assess
    expect(request).toHaveBeenNthCalledWith(1, expect.objectContaining({ method: 'POST', url: 'http://api.test/v1/bookings', data: body, headers: { authorization: 'Bearer tok-123', 'idempotency-key': 'key-1' } }));
    expect(request).toHaveBeenNthCalledWith(2, expect.objectContaining({ method: 'PUT', url: 'http://api.test/v1/me/home', data: { gridCode: 'G1' }, headers: { authorization: 'Bearer tok-123' } }));
  });

  it('a 409 carries what the server holds now in `current`, with the server\'s message', async () => {
    // Prepare
    const now = { id: 'B1', version: 4 };
    jest.spyOn(platform, 'request').mockResolvedValue({ status: 409, data: { error: { code: 'BOOKING.VERSION_CONFLICT', message: '预约已变化，请刷新', current: now } } });

    // Act
    const error = await client()
      .call('act-on-my-booking', { params: { id: 'B1' }, body: { type: 'cancel', version: 3 } })
      .catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'BOOKING.VERSION_CONFLICT', status: 409, message: '预约已变化，请刷新', current: now });
  });

  it('is typed from the row: what a route needs is required, what it does not take is refused', () => {
    // Never run: the compiler checks these lines.
    const typed = (api: ReturnType<typeof client>) => [
      // @ts-expect-error the path parameter is required
      api.call('get-my-case'),
      // @ts-expect-error a creation needs its idempotency key
      api.call('create-case', { body: { itemCode: 'X', description: '', location: { lat: 0, lng: 0, coord: 'wgs84', address: '' }, photos: [] } }),
      // @ts-expect-error this route takes no body
      api.call('get-catalog', { body: {} }),
      api.call('get-catalog'),
    ];
    expect(typeof typed).toBe('function');
  });

  it('never repeats a DELETE either', async () => {
    // Prepare
    const request = jest.spyOn(platform, 'request').mockRejectedValue(new NetworkError('request:fail', false));

    // Act
    const error = await client().call('unfollow-case', { params: { id: 'C1' } }).catch((e: unknown) => e);

    // Assess
    expect(request).toHaveBeenCalledTimes(1);
    expect(request).toHaveBeenCalledWith(expect.objectContaining({ method: 'DELETE', url: 'http://api.test/v1/cases/C1/follow' }));
    expect(error).toMatchObject({ code: 'NETWORK' });
  });
});
