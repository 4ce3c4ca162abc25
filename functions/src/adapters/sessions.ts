import { SignJWT, errors as joseErrors, jwtVerify } from 'jose';
import { principalSchema, type Principal } from '@gridtong/shared/schemas/roles';
import { DomainError } from '@gridtong/shared/errors';

export const SESSION_TTL_SECONDS = 2 * 60 * 60;
const ISSUER = 'gridtong';
const AUDIENCE = 'gridtong-api';

/** Our own short-lived session (HS256). WeChat's session_key never leaves the backend. */
export class SessionTokens {
  private readonly key: Uint8Array;

  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  async issue(principal: Principal, now: Date): Promise<{ token: string; expiresAt: string }> {
    const iat = Math.floor(now.getTime() / 1000);
    const exp = iat + SESSION_TTL_SECONDS;
    const token = await new SignJWT({ role: principal.role, areas: principal.scope.areas, dep: principal.scope.departmentId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(principal.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(this.key);
    return { token, expiresAt: new Date(exp * 1000).toISOString() };
  }

  async verify(token: string, now: Date): Promise<Principal> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
        currentDate: now,
      });
      return principalSchema.parse({
        userId: payload.sub,
        role: payload.role,
        scope: { areas: payload.areas ?? [], departmentId: payload.dep ?? undefined },
      });
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) {
        throw new DomainError('AUTH.TOKEN_EXPIRED', '登录已过期，请重新登录');
      }
      throw new DomainError('AUTH.INVALID_TOKEN', '登录状态无效，请重新登录');
    }
  }
}
