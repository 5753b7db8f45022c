import { jwtVerify, SignJWT, errors as joseErrors } from 'jose';
import { InviteClaims, PlenaryError, type Role } from '@plenary/shared';

const DAY_S = 24 * 60 * 60;
/** tokens remembered as verified, at most (the oldest is forgotten first) */
const VERIFIED_MAX = 10_000;

/** Invite tokens: JWTs (HS256) signed with the server's secret. */
export class InviteTokens {
  private readonly key: Uint8Array;
  /**
   * Tokens whose signature was checked: a token is the same string for every participant sharing
   * an invite link, so a sitting's 2nd … nth join needs no HMAC. Expiry is checked on every use.
   */
  private readonly verified = new Map<string, InviteClaims>();

  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  async sign(claims: { sid: string; role: Role; del?: string; gen?: number }, days: number): Promise<string> {
    return new SignJWT({ sid: claims.sid, role: claims.role, ...(claims.del ? { del: claims.del } : {}), ...(claims.gen ? { gen: claims.gen } : {}) })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + Math.round(days * DAY_S))
      .sign(this.key);
  }

  /** Verifies signature, expiry and claim shapes; throws PlenaryError UNAUTHORIZED. */
  async verify(token: string | undefined | null): Promise<InviteClaims> {
    if (!token) throw PlenaryError.of('UNAUTHORIZED', 'tokenRequired');
    if (token.length > 4096) throw PlenaryError.of('UNAUTHORIZED', 'tokenTooLong');
    const known = this.verified.get(token);
    if (known) {
      if (known.exp * 1000 > Date.now()) return known;
      this.verified.delete(token);
    }
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'] }));
    } catch (err) {
      const expired = err instanceof joseErrors.JWTExpired;
      throw PlenaryError.of('UNAUTHORIZED', expired ? 'tokenExpired' : 'tokenInvalid');
    }
    const claims = InviteClaims.safeParse(payload);
    if (!claims.success) throw PlenaryError.of('UNAUTHORIZED', 'tokenNoClaims');
    if (this.verified.size >= VERIFIED_MAX) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, claims.data);
    return claims.data;
  }
}
