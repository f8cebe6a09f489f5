import type { PostgresEventStore, SqlExecutor } from '@app/platform';
import type { DesignSubmitted } from '../design/design.events';

type Position = { readonly streamId: string; readonly version: number };

/** How `at` names a position in its answer: `<streamId>@<version>`. */
export const positionKey = (p: Position) => `${p.streamId}@${p.version}`;
const keyOf = positionKey;

/**
 * The Test Assertions of design versions, read once per process: a stored event never changes, so
 * a big project's report does not read and parse 500 designs on every query. Reads inside a
 * caller's transaction are not kept (what it appended may still roll back). Bounded: past
 * `limit` versions the oldest are forgotten.
 */
export class DesignAssertions {
  private readonly known = new Map<string, readonly string[]>();

  constructor(private readonly limit = 20_000) {}

  /** Each position's assertions, by `positionKey`; a position with no stored event is left out. */
  async at(
    store: PostgresEventStore,
    positions: readonly Position[],
    sql?: SqlExecutor,
  ): Promise<Map<string, readonly string[]>> {
    const missing = positions.filter((p) => !this.known.has(keyOf(p)));
    const read = await store.readAt<DesignSubmitted>(missing, sql);
    const fresh = new Map(
      read.map((e) => [keyOf({ streamId: e.streamId, version: e.version }), e.data.testAssertions]),
    );
    if (!sql?.inTransaction) for (const [key, assertions] of fresh) this.remember(key, assertions);
    const found = new Map<string, readonly string[]>();
    for (const p of positions) {
      const assertions = this.known.get(keyOf(p)) ?? fresh.get(keyOf(p));
      if (assertions) found.set(keyOf(p), assertions);
    }
    return found;
  }

  private remember(key: string, assertions: readonly string[]): void {
    this.known.set(key, assertions);
    if (this.known.size > this.limit) this.known.delete(this.known.keys().next().value!);
  }
}
