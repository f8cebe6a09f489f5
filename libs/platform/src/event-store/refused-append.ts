import type { ExpectedVersion } from '@app/domain';
import { isExpectedVersionSatisfied } from '@app/domain';

/** Why an append was refused (the statement inserted nothing). */
export type RefusedAppend =
  | { kind: 'already-stored'; version: number }
  | { kind: 'conflict'; currentVersion: number; reason: 'version_mismatch' | 'event_id_taken' }
  | { kind: 'stream-order'; currentVersion: number };

/**
 * Judges a refused append from the stream's version and where the new event ids are stored: the
 * very same batch stored before (a retry: already stored), a version or an id that is taken (a
 * conflict), or neither, so only the stream-order guard refused it (a newer transaction appended first).
 */
export function judgeRefusedAppend(
  streamId: string,
  expected: ExpectedVersion,
  ids: readonly string[],
  found: { version: number | null; stored: readonly { id: string; stream: string; position: number }[] },
): RefusedAppend {
  const currentVersion = found.version ?? 0;
  if (found.stored.length === 0) {
    return isExpectedVersionSatisfied(expected, currentVersion)
      ? { kind: 'stream-order', currentVersion }
      : { kind: 'conflict', currentVersion, reason: 'version_mismatch' };
  }
  const positionById = new Map(
    found.stored.filter((row) => row.stream === streamId).map((row) => [row.id, Number(row.position)]),
  );
  const first = positionById.get(ids[0]);
  const sameBatch =
    first !== undefined &&
    positionById.size === ids.length &&
    ids.every((id, index) => positionById.get(id) === first + index) &&
    isExpectedVersionSatisfied(expected === 'stream_exists' ? 'any' : expected, first - 1) &&
    (expected !== 'stream_exists' || first > 1);
  return sameBatch
    ? { kind: 'already-stored', version: first + ids.length - 1 }
    : { kind: 'conflict', currentVersion, reason: 'event_id_taken' };
}
