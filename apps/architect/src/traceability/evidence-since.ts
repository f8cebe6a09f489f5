import { normalizeTestName } from '@app/domain';

/** An accepted design version: when it was accepted and its Test Assertions. */
export interface AcceptedAssertions {
  readonly version: number;
  readonly acceptedAt: Date;
  readonly assertions: readonly string[];
}

/** From when a test's evidence counts for the newest accepted design, and the versions it carries over from. */
export interface EvidenceSince {
  readonly since: Date;
  /** When the newest design was accepted: evidence from before it was carried over. */
  readonly acceptedAt: Date;
  /** The earlier accepted versions (oldest first) that had the same assertion without a break; empty when none. */
  readonly carriedFrom: readonly { readonly version: number; readonly acceptedAt: Date }[];
}

/**
 * For each assertion of the newest accepted design (by its test key): its evidence counts since
 * that design was accepted, or, when the versions accepted just before it had the same assertion
 * (the same words; its `[AC-n]` references aside), since the first of them. A renamed assertion
 * starts afresh. `accepted` is oldest first, the newest last.
 */
export function evidenceSince(accepted: readonly AcceptedAssertions[]): Map<string, EvidenceSince> {
  const newest = accepted.at(-1);
  const result = new Map<string, EvidenceSince>();
  if (!newest) return result;
  const keysOf = accepted.map((design) => new Set(design.assertions.map(normalizeTestName)));
  for (const key of keysOf.at(-1)!) {
    let first = accepted.length - 1;
    while (first > 0 && keysOf[first - 1].has(key)) first -= 1;
    const carriedFrom = accepted.slice(first, -1).map(({ version, acceptedAt }) => ({ version, acceptedAt }));
    result.set(key, { since: accepted[first].acceptedAt, acceptedAt: newest.acceptedAt, carriedFrom });
  }
  return result;
}

/** The earlier design version a piece of evidence recorded at `at` was gathered under, if any. */
export function carriedOverFrom(since: EvidenceSince | undefined, at: Date | null): number | null {
  if (!since || at === null || at.getTime() >= since.acceptedAt.getTime()) return null;
  const under = since.carriedFrom.filter((design) => design.acceptedAt.getTime() <= at.getTime()).at(-1);
  return under?.version ?? null;
}
