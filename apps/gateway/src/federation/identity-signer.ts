import type { Identity } from '@app/domain';
import { IDENTITY_TTL_SECONDS, signIdentity } from '@app/platform';

/** How soon an identity is signed again (every header handed out is valid for ≥ TTL − 1 s). */
const RESIGN_AFTER_MS = 1_000;
const MAX_CACHED = 10_000;

interface Signed {
  readonly header: string;
  readonly signedAt: number;
}

/**
 * Signs identities for the subgraph header, reusing a signature for up to a second: the HMAC is
 * computed once per identity per second instead of once per subgraph call.
 */
export class IdentitySigner {
  private readonly cache = new Map<string, Signed>();

  constructor(
    private readonly secret: string,
    private readonly now: () => number = Date.now,
  ) {}

  sign(identity: Identity): string {
    const key = `${identity.subject}\u0000${identity.role}\u0000${identity.projectId ?? ''}\u0000${identity.actor}`;
    const now = this.now();
    const cached = this.cache.get(key);
    if (cached && now - cached.signedAt < RESIGN_AFTER_MS && now >= cached.signedAt) return cached.header;
    const header = signIdentity(identity, this.secret, now, IDENTITY_TTL_SECONDS);
    if (!cached && this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, { header, signedAt: now });
    return header;
  }
}
