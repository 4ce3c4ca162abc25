import { createLogger, redact, redactText } from '../src/log';

describe('log redaction', () => {
  it('masks personal data by key, whatever the value looks like', () => {
    const out = redact({
      phone: '13912345678',
      contactPhone: '020-12345678',
      openid: 'oAbCdEfGhIjKlMnOpQrStUvWxYz1',
      authorization: 'Bearer abc',
      sessionKey: 'xyz',
      photoUrl: 'http://x/y',
      nested: { token: 't', itemCode: '0101' },
      routeId: 'create-case',
      statusCode: 201,
    }) as Record<string, unknown>;

    expect(out).toEqual({
      phone: '[redacted]',
      contactPhone: '[redacted]',
      openid: '[redacted]',
      authorization: '[redacted]',
      sessionKey: '[redacted]',
      photoUrl: '[redacted]',
      nested: { token: '[redacted]', itemCode: '0101' },
      routeId: 'create-case',
      statusCode: 201,
    });
  });

  it('scrubs phones, tokens, openids and signed links out of free text', () => {
    const text = redactText(
      'resident 13912345678 sent Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJVMSJ9.c2lnbmF0dXJl for ' +
        'oAbCdEfGhIjKlMnOpQrStUvWxYz1 photo http://127.0.0.1:9000/b/k.jpg?X-Amz-Signature=abc&X-Amz-Date=1 js_code=dev-zhangsan',
    );

    expect(text).not.toMatch(/13912345678|eyJ|oAbCdEf|X-Amz-Signature|dev-zhangsan/);
    expect(text).toContain('[phone]');
    expect(text).toContain('[signed-url]');
  });

  it('never prints personal data through the Powertools logger', () => {
    const lines: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      const logger = createLogger('redaction-test');
      logger.info('login for 13800001111', { body: { code: 'dev-lisi', openid: 'oZZZZZZZZZZZZZZZZZZZZZZZZZZZ' }, phone: '13800001111' });
      logger.error('failed', new Error('wechat said no to js_code=dev-lisi for 13800001111'));
    } finally {
      spy.mockRestore();
    }
    const printed = lines.join('');

    expect(printed).toContain('redaction-test');
    expect(printed).not.toMatch(/13800001111|oZZZZZZZZ|dev-lisi/);
  });
});
