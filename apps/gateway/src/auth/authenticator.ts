import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Identity, SqlExecutor } from '@app/domain';
import { dataSourceExecutor, UnauthenticatedError } from '@app/domain';
import { findTokenBySecret, identityOf } from './api-tokens';

interface Cached {
  readonly identity: Identity | null;
  readonly until: number;
}

const CACHE_MS = 10_000;
const CACHE_SIZE = 10_000;

/**
 * Turns `Authorization: Bearer <token>` into an identity. Lookups are by the token's sha256 and
 * cached briefly (a revoked token stops working within CACHE_MS).
 */
@Injectable()
export class Authenticator {
  private readonly sql: SqlExecutor;
  private readonly cache = new Map<string, Cached>();

  constructor(dataSource: DataSource) {
    this.sql = dataSourceExecutor(dataSource);
  }

  async authenticate(authorization: string | undefined): Promise<Identity> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match) throw new UnauthenticatedError('missing bearer token: send "Authorization: Bearer <token>"');
    const secret = match[1];
    const now = Date.now();
    const cached = this.cache.get(secret);
    const identity = cached && cached.until > now ? cached.identity : await this.lookup(secret, now);
    if (!identity) throw new UnauthenticatedError('invalid or revoked token');
    return identity;
  }

  forget(): void {
    this.cache.clear();
  }

  private async lookup(secret: string, now: number): Promise<Identity | null> {
    const row = secret.length > 200 ? undefined : await findTokenBySecret(this.sql, secret);
    const identity = row && row.revoked_at === null ? identityOf(row) : null;
    if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(secret, { identity, until: now + CACHE_MS });
    return identity;
  }
}
