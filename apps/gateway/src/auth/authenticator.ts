import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Identity } from '@app/domain';
import type { SqlExecutor } from '@app/platform';
import { DomainError, UnauthenticatedError } from '@app/domain';
import { dataSourceExecutor } from '@app/platform';
import { RateLimiter } from '../limits/rate-limiter';
import { findTokenBySecret, identityOf } from './api-tokens';

interface Cached {
  readonly identity: Identity | null;
  readonly until: number;
}

/** A revoked token stops working here within this long (at once on the instance that revoked it). */
const CACHE_MS = 2_000;
const CACHE_SIZE = 10_000;
/** Tokens seen valid this recently are looked up even from an address that is being throttled. */
const KNOWN_GOOD_MS = 15 * 60_000;

/** Failed authentications allowed per client address (AUTH_FAILURES_PER_SECOND / _BURST). */
export interface AuthFailureLimit {
  readonly ratePerSecond: number;
  readonly burst: number;
}
export const AUTH_FAILURE_LIMIT = Symbol('AUTH_FAILURE_LIMIT');

/** Too many failed authentications from one address: RATE_LIMITED, with the wait. */
export class AuthRateLimitedError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super('RATE_LIMITED', 'too many requests without a valid token from this address', { retryAfterSeconds });
  }
}

/**
 * Turns `Authorization: Bearer <token>` into an identity. Lookups are by the token's sha256 and
 * cached briefly (a revoked token stops working within CACHE_MS). Requests without a valid token
 * are counted per client address; past the limit, that address is refused before any lookup
 * (except for tokens seen valid lately), so random tokens cannot cost a query each without end.
 */
@Injectable()
export class Authenticator {
  private readonly sql: SqlExecutor;
  private readonly cache = new Map<string, Cached>();
  private readonly knownGood = new Map<string, number>();
  private readonly failures: RateLimiter;

  constructor(dataSource: DataSource, @Inject(AUTH_FAILURE_LIMIT) limit: AuthFailureLimit) {
    this.sql = dataSourceExecutor(dataSource);
    this.failures = new RateLimiter(limit.ratePerSecond, limit.burst);
  }

  /** `address`: the client's address (refusals are counted per address), when there is one. */
  async authenticate(authorization: string | undefined, address?: string): Promise<Identity> {
    const now = Date.now();
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    const secret = match?.[1];
    const cached = secret === undefined ? undefined : this.cache.get(secret);
    if (cached && cached.until > now) {
      if (cached.identity) return cached.identity;
      throw this.refuse('invalid or revoked token', address, now);
    }
    const knownGood = secret !== undefined && (this.knownGood.get(secret) ?? 0) > now;
    if (address !== undefined && !knownGood && !this.failures.allows(address, now))
      throw new AuthRateLimitedError(this.failures.retryAfterSeconds(address));
    if (secret === undefined)
      throw this.refuse('missing bearer token: send "Authorization: Bearer <token>"', address, now);
    const identity = await this.lookup(secret, now);
    if (!identity) throw this.refuse('invalid or revoked token', address, now);
    return identity;
  }

  forget(): void {
    this.cache.clear();
  }

  private refuse(message: string, address: string | undefined, now: number): DomainError {
    if (address !== undefined) {
      if (!this.failures.take(address, now))
        return new AuthRateLimitedError(this.failures.retryAfterSeconds(address));
    }
    return new UnauthenticatedError(message);
  }

  private async lookup(secret: string, now: number): Promise<Identity | null> {
    const row = secret.length > 200 ? undefined : await findTokenBySecret(this.sql, secret);
    const identity = row && row.revoked_at === null ? identityOf(row) : null;
    if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(secret, { identity, until: now + CACHE_MS });
    if (identity) {
      if (this.knownGood.size >= CACHE_SIZE)
        this.knownGood.delete(this.knownGood.keys().next().value as string);
      this.knownGood.set(secret, now + KNOWN_GOOD_MS);
    } else this.knownGood.delete(secret);
    return identity;
  }
}
