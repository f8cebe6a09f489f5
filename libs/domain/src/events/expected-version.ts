/**
 * What the caller believes about a stream before appending.
 * - `any`: append whatever the stream holds;
 * - `no_stream`: the stream must not exist yet (same as the number 0);
 * - `stream_exists`: the stream must already hold at least one event;
 * - a number: the stream's version (its last event's position, 1-based) must equal it.
 */
export type ExpectedVersion = 'any' | 'no_stream' | 'stream_exists' | number;

export function describeExpectedVersion(expected: ExpectedVersion): string {
  return typeof expected === 'number' ? `version ${expected}` : expected;
}

/** Whether a stream currently at `current` (0 = no stream) satisfies `expected`. */
export function isExpectedVersionSatisfied(expected: ExpectedVersion, current: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === 0;
    case 'stream_exists':
      return current > 0;
    default:
      return current === expected;
  }
}

export function assertValidExpectedVersion(expected: ExpectedVersion): void {
  if (typeof expected === 'number' && (!Number.isSafeInteger(expected) || expected < 0)) {
    throw new RangeError(`expected version must be a non-negative integer, got ${expected}`);
  }
}
