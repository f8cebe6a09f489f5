import { verifyIdentity } from '@app/domain';
import { IdentitySigner } from './identity-signer';

const SECRET = 'unit-internal-secret-0123456789abcdefghij';
const alice = { subject: 'tok-1', role: 'EDITOR', projectId: 'p1', actor: 'alice' } as const;
const bob = { subject: 'tok-2', role: 'VIEWER', projectId: 'p1', actor: 'bob' } as const;

describe('IdentitySigner', () => {
  it('reuses a signature for a minute, then signs afresh; each one verifies as its identity', () => {
    let now = 1_800_000_000_000;
    const signer = new IdentitySigner(SECRET, () => now);
    const first = signer.sign(alice);
    expect(verifyIdentity(first, SECRET, now)).toEqual(alice);
    now += 59_000;
    expect(signer.sign(alice)).toBe(first);
    expect(verifyIdentity(signer.sign(bob), SECRET, now)).toEqual(bob);
    now += 2_000;
    const second = signer.sign(alice);
    expect(second).not.toBe(first);
    expect(verifyIdentity(second, SECRET, now)).toEqual(alice);
  });

  it('hands out only headers that stay valid for at least four more minutes', () => {
    let now = 1_800_000_000_000;
    const signer = new IdentitySigner(SECRET, () => now);
    const header = signer.sign(alice);
    now += 59_999;
    expect(signer.sign(alice)).toBe(header);
    expect(() => verifyIdentity(header, SECRET, now + 240_000)).not.toThrow();
  });

  it('does not reuse a signature when the clock went backwards', () => {
    let now = 1_800_000_000_000;
    const signer = new IdentitySigner(SECRET, () => now);
    const header = signer.sign(alice);
    now -= 10_000;
    expect(signer.sign(alice)).not.toBe(header);
  });
});
