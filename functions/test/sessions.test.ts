import { SESSION_TTL_SECONDS, SessionTokens } from '../src/adapters/sessions';
import { toHttpFailure } from '../src/http/errors';
import { refusal } from './refusal';

const secret = 'a'.repeat(64);
const worker = { userId: 'Sworker1', role: 'gridWorker' as const, scope: { areas: ['440106001001001'] } };


describe('session tokens', () => {
  const issuedAt = new Date('2026-03-02T01:00:00Z');

  it('carries role and scope for two hours', async () => {
    const tokens = new SessionTokens(secret);
    const { token, expiresAt } = await tokens.issue(worker, issuedAt);

    const principal = await tokens.verify(token, new Date(issuedAt.getTime() + (SESSION_TTL_SECONDS - 60) * 1000));

    expect(principal).toEqual(worker);
    expect(Date.parse(expiresAt) - issuedAt.getTime()).toBe(2 * 60 * 60 * 1000);
  });

  it('asks the user to log in again once it has expired', async () => {
    const tokens = new SessionTokens(secret);
    const { token } = await tokens.issue(worker, issuedAt);

    const err = await refusal(tokens.verify(token, new Date(issuedAt.getTime() + (SESSION_TTL_SECONDS + 1) * 1000)));

    expect(toHttpFailure(err).status).toBe(401);
    expect(err.code).toBe('AUTH.TOKEN_EXPIRED');
  });

  it('refuses a token signed with another key or altered', async () => {
    const { token } = await new SessionTokens('b'.repeat(64)).issue(worker, issuedAt);
    const [head, , sig] = (await new SessionTokens(secret).issue(worker, issuedAt)).token.split('.');
    const escalated = `${head}.${Buffer.from(JSON.stringify({ sub: 'Sworker1', role: 'admin', areas: [] })).toString('base64url')}.${sig}`;
    const tokens = new SessionTokens(secret);

    expect((await refusal(tokens.verify(token, issuedAt))).code).toBe('AUTH.INVALID_TOKEN');
    expect((await refusal(tokens.verify(escalated, issuedAt))).code).toBe('AUTH.INVALID_TOKEN');
    expect((await refusal(tokens.verify('not-a-token', issuedAt))).code).toBe('AUTH.INVALID_TOKEN');
  });
});
