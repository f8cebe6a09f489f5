import type { Identity } from '@app/domain';
import { signIdentity, verifyIdentity } from './identity-signature';

const secret = 'x'.repeat(40);
const editor: Identity = { subject: 'tok-1', role: 'EDITOR', projectId: 'p1', actor: 'alice' };

describe('signed identity', () => {
  it('round-trips', () => {
    expect(verifyIdentity(signIdentity(editor, secret, 1_000_000), secret, 1_000_000)).toEqual(editor);
  });

  it('rejects a missing, forged, tampered or expired identity', () => {
    const header = signIdentity(editor, secret, 1_000_000, 60);
    expect(() => verifyIdentity(undefined, secret)).toThrow(/missing identity/);
    expect(() => verifyIdentity(header, 'y'.repeat(40), 1_000_000)).toThrow(/signature is invalid/);
    const [v, body, sig] = header.split('.');
    const forged = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(body, 'base64url').toString()),
        role: 'ADMIN',
        projectId: null,
      }),
    ).toString('base64url');
    expect(() => verifyIdentity(`${v}.${forged}.${sig}`, secret, 1_000_000)).toThrow(/signature is invalid/);
    expect(() => verifyIdentity(header, secret, 1_000_000 + 61_000)).toThrow(/expired/);
    expect(() => verifyIdentity('garbage', secret)).toThrow(/malformed/);
  });
});
