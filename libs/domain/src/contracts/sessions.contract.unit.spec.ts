import { streamTypeOf } from '../events/event-envelope';
import { gitCommitStreamId } from './sessions.contract';

describe('the stream of a git record commit', () => {
  it('is named after the commit id, as a uuid, so its type is git-commit', () => {
    const id = gitCommitStreamId('0123456789abcdef0123456789abcdef01234567');
    expect(id).toBe('git-commit-01234567-89ab-cdef-0123-456789abcdef');
    expect(streamTypeOf(id)).toBe('git-commit');
    expect(() => gitCommitStreamId('HEAD')).toThrow('not a commit id: HEAD');
  });
});
