import type { PostgresEventStore, SqlExecutor } from '@app/platform';
import { DesignAssertions } from './design-assertions';

/** A store that answers readAt from a fixed list of design events and counts what it was asked. */
function storeOf(versions: Record<string, string[]>) {
  const asked: string[][] = [];
  const store = {
    readAt: (positions: { streamId: string; version: number }[]) => {
      asked.push(positions.map((p) => `${p.streamId}@${p.version}`));
      return Promise.resolve(
        positions
          .filter((p) => versions[`${p.streamId}@${p.version}`])
          .map((p) => ({ ...p, data: { testAssertions: versions[`${p.streamId}@${p.version}`] } })),
      );
    },
  } as unknown as PostgresEventStore;
  return { store, asked };
}

describe('DesignAssertions', () => {
  const versions = { 'design-a@1': ['a one'], 'design-a@2': ['a two'], 'design-b@1': ['b one'] };

  it('reads each design version once and answers later asks from memory', async () => {
    const { store, asked } = storeOf(versions);
    const designs = new DesignAssertions();
    const first = await designs.at(store, [
      { streamId: 'design-a', version: 1 },
      { streamId: 'design-b', version: 1 },
    ]);
    expect(Object.fromEntries(first)).toEqual({ 'design-a@1': ['a one'], 'design-b@1': ['b one'] });
    const second = await designs.at(store, [
      { streamId: 'design-a', version: 2 },
      { streamId: 'design-b', version: 1 },
      { streamId: 'design-c', version: 1 },
    ]);
    expect(Object.fromEntries(second)).toEqual({ 'design-a@2': ['a two'], 'design-b@1': ['b one'] });
    expect(asked).toEqual([
      ['design-a@1', 'design-b@1'],
      ['design-a@2', 'design-c@1'],
    ]);
  });

  it('does not keep what it read inside a transaction, which may still roll back', async () => {
    const { store, asked } = storeOf(versions);
    const designs = new DesignAssertions();
    const inTransaction = { inTransaction: true } as SqlExecutor;
    await designs.at(store, [{ streamId: 'design-a', version: 1 }], inTransaction);
    await designs.at(store, [{ streamId: 'design-a', version: 1 }]);
    expect(asked).toEqual([['design-a@1'], ['design-a@1']]);
  });

  it('forgets the oldest versions past its limit', async () => {
    const { store, asked } = storeOf(versions);
    const designs = new DesignAssertions(2);
    for (const key of ['design-a@1', 'design-a@2', 'design-b@1', 'design-a@1']) {
      const [streamId, version] = key.split('@');
      await designs.at(store, [{ streamId, version: Number(version) }]);
    }
    expect(asked.flat()).toEqual(['design-a@1', 'design-a@2', 'design-b@1', 'design-a@1']);
  });
});
