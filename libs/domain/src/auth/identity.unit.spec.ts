import { authorize, canWrite, ForbiddenError } from './identity';
import type { Identity } from './identity';

const editor: Identity = { subject: 'tok-1', role: 'EDITOR', projectId: 'p1', actor: 'alice' };

describe('access to projects', () => {
  it('scopes tokens to their project and keeps viewers read-only', () => {
    expect(() => authorize(editor, 'p1', 'write')).not.toThrow();
    expect(() => authorize(editor, 'p2', 'read')).toThrow(/not found/);
    const viewer: Identity = { ...editor, role: 'VIEWER' };
    expect(() => authorize(viewer, 'p1', 'read')).not.toThrow();
    expect(() => authorize(viewer, 'p1', 'write')).toThrow(ForbiddenError);
    expect(canWrite({ ...editor, projectId: null, role: 'ADMIN' }, 'any')).toBe(true);
  });
});
