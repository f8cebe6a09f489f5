import type { RequestContext } from './request-context';
import { requestLoader } from './request-loader';

const request = (actor: string): RequestContext => ({
  identity: { subject: actor, role: 'VIEWER', projectId: 'p', actor },
  correlationId: actor,
});

describe('requestLoader', () => {
  function recording() {
    const batches: { actor: string; keys: readonly string[] }[] = [];
    const load = requestLoader<string, string>(async (context, keys) => {
      batches.push({ actor: context.identity.actor, keys });
      return keys.map((key) => (key.startsWith('hidden') ? null : `${key}!`));
    });
    return { batches, load };
  }

  it('answers the loads one request makes in one tick with one batch, in the order asked', async () => {
    const { batches, load } = recording();
    const alice = request('alice');
    const answers = await Promise.all(['b', 'hidden-1', 'a', 'b'].map((key) => load(alice).load(key)));
    expect(answers).toEqual(['b!', null, 'a!', 'b!']);
    expect(batches).toEqual([{ actor: 'alice', keys: ['b', 'hidden-1', 'a', 'b'] }]);
  });

  it('keeps requests apart, and caches nothing once a batch is answered', async () => {
    const { batches, load } = recording();
    const alice = request('alice');
    const bob = request('bob');
    await Promise.all([load(alice).load('x'), load(bob).load('x')]);
    await load(alice).load('x');
    expect(batches).toEqual([
      { actor: 'alice', keys: ['x'] },
      { actor: 'bob', keys: ['x'] },
      { actor: 'alice', keys: ['x'] },
    ]);
  });
});
