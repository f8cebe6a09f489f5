import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Identity } from '@app/domain';
import { ROLES, UnauthenticatedError } from '@app/domain';

/** The header through which the gateway forwards the identity to the subgraphs. */
export const IDENTITY_HEADER = 'x-codemyspec-identity';

interface SignedPayload extends Identity {
  readonly iat: number;
  readonly exp: number;
}

function mac(secret: string, body: string): Buffer {
  return createHmac('sha256', secret).update(body).digest();
}

/**
 * How long a signed identity is valid (seconds). Short, so that a header captured on its way to
 * a subgraph stops working within 5 s of its token's revocation (the gateway and the subgraphs
 * must keep their clocks within a second or two of each other).
 */
export const IDENTITY_TTL_SECONDS = 4;

/** `v1.<payload>.<hmac>`, both base64url; valid for `ttlSeconds`. */
export function signIdentity(
  identity: Identity,
  secret: string,
  nowMs: number = Date.now(),
  ttlSeconds = IDENTITY_TTL_SECONDS,
): string {
  assertSecret(secret);
  const iat = Math.floor(nowMs / 1000);
  const payload: SignedPayload = { ...identity, iat, exp: iat + ttlSeconds };
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `v1.${body}.${mac(secret, `v1.${body}`).toString('base64url')}`;
}

/** Verifies a forwarded identity; anything missing, forged, malformed or expired is UNAUTHENTICATED. */
export function verifyIdentity(
  header: string | undefined,
  secret: string,
  nowMs: number = Date.now(),
): Identity {
  assertSecret(secret);
  if (!header)
    throw new UnauthenticatedError('missing identity: call through the gateway with a bearer token');
  const parts = header.split('.');
  if (parts.length !== 3 || parts[0] !== 'v1') throw new UnauthenticatedError('malformed identity');
  const expected = mac(secret, `v1.${parts[1]}`);
  const given = Buffer.from(parts[2], 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new UnauthenticatedError('identity signature is invalid');
  let payload: SignedPayload;
  try {
    payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as SignedPayload;
  } catch {
    throw new UnauthenticatedError('malformed identity');
  }
  const now = Math.floor(nowMs / 1000);
  if (typeof payload.exp !== 'number' || payload.exp < now)
    throw new UnauthenticatedError('identity has expired');
  if (typeof payload.iat !== 'number' || payload.iat > now + 60)
    throw new UnauthenticatedError('identity is not valid yet');
  if (!(ROLES as readonly string[]).includes(payload.role))
    throw new UnauthenticatedError('identity has an unknown role');
  if (
    typeof payload.subject !== 'string' ||
    (payload.projectId !== null && typeof payload.projectId !== 'string')
  ) {
    throw new UnauthenticatedError('malformed identity');
  }
  return {
    subject: payload.subject,
    role: payload.role,
    projectId: payload.projectId,
    actor: String(payload.actor ?? payload.subject),
  };
}

function assertSecret(secret: string): void {
  if (secret.length < 32) throw new Error('the internal signing secret must be at least 32 characters');
}
