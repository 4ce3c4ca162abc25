import { randomBytes } from 'node:crypto';
import { LocalDataKeySource, seal, unseal } from '../src/adapters/envelope';

const keys = new LocalDataKeySource(randomBytes(32));
const openid = 'oAbCdEfGhIjKlMnOpQrStUvWxYz0';

describe('envelope encryption of the openid', () => {
  it('seals with a fresh data key each time and opens again for the same user', async () => {
    const a = await seal(keys, openid, { purpose: 'wechat-openid', userId: 'U1' });
    const b = await seal(keys, openid, { purpose: 'wechat-openid', userId: 'U1' });
    expect(JSON.stringify(a)).not.toContain(openid);
    expect(a.k).not.toBe(b.k);
    expect(a.ct).not.toBe(b.ct);
    await expect(unseal(keys, a, { purpose: 'wechat-openid', userId: 'U1' })).resolves.toBe(openid);
  });

  it('refuses a sealed openid moved to another account, tampered with, or opened with another master key', async () => {
    const sealed = await seal(keys, openid, { purpose: 'wechat-openid', userId: 'U1' });
    await expect(unseal(keys, sealed, { purpose: 'wechat-openid', userId: 'U2' })).rejects.toThrow();
    const flipped = Buffer.from(sealed.ct, 'base64');
    flipped[0] = flipped[0]! ^ 1;
    await expect(unseal(keys, { ...sealed, ct: flipped.toString('base64') }, { purpose: 'wechat-openid', userId: 'U1' })).rejects.toThrow();
    await expect(unseal(new LocalDataKeySource(randomBytes(32)), sealed, { purpose: 'wechat-openid', userId: 'U1' })).rejects.toThrow();
  });
});
