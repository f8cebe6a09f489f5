import { verifyIdentity } from '@app/platform';
import { IdentitySigner } from './identity-signer';

const SECRET = 'unit-internal-secret-0123456789abcdefghij';
const alice = { subject: 'tok-1', role: 'EDITOR', projectId: 'p1', actor: 'alice' } as const;
const bob = { subject: 'tok-2', role: 'VIEWER', projectId: 'p1', actor: 'bob' } as const;

describe('IdentitySigner', () => {
  it('reuses a signature for a second, then signs afresh; each one verifies as its identity', () => {
    let now = 1_800_000_000_000;
    const signer = new IdentitySigner(SECRET, () => now);
    const first = signer.sign(alice);
    expect(verifyIdentity(first, SECRET, now)).toEqual(alice);
    now += 900;
    expect(signer.sign(alice)).toBe(first);
    expect(verifyIdentity(signer.sign(bob), SECRET, now)).toEqual(bob);
    now += 200;
    const second = signer.sign(alice);
    expect(second).not.toBe(first);
    expect(verifyIdentity(second, SECRET, now)).toEqual(alice);
  });

  it('hands out only headers that stay valid for at least two more seconds, and none valid after five', () => {
    let now = 1_800_000_000_999;
    const signer = new IdentitySigner(SECRET, () => now);
    const header = signer.sign(alice);
    now += 999;
    expect(signer.sign(alice)).toBe(header);
    expect(() => verifyIdentity(header, SECRET, now + 2_000)).not.toThrow();
    // A captured header is worthless 5 s after it was signed (so within 5 s of a revoke).
    expect(() => verifyIdentity(header, SECRET, now - 999 + 5_000)).toThrow(/expired/);
  });

  it('does not reuse a signature when the clock went backwards', () => {
    let now = 1_800_000_000_000;
    const signer = new IdentitySigner(SECRET, () => now);
    const header = signer.sign(alice);
    now -= 10_000;
    expect(signer.sign(alice)).not.toBe(header);
  });
});
