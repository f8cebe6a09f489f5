import { DomainError } from '../errors/domain-error';
import type { ExpectedVersion } from './expected-version';
import { describeExpectedVersion } from './expected-version';

/**
 * The stream was not where the caller expected it. `currentVersion` is the stream's version
 * when the append was refused (0 when it does not exist). Surfaces as GraphQL `CONFLICT`.
 */
export class ConcurrencyError extends DomainError {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly currentVersion: number,
    readonly reason: 'version_mismatch' | 'stream_order' | 'event_id_taken' = 'version_mismatch',
  ) {
    super(
      'CONFLICT',
      reason === 'stream_order'
        ? `stream ${streamId} was appended by a newer transaction; retry in a new transaction`
        : reason === 'event_id_taken'
          ? `stream ${streamId}: some event ids are already stored at other positions`
          : `stream ${streamId} is at version ${currentVersion}, expected ${describeExpectedVersion(expected)}`,
      { currentVersion, streamId },
    );
  }
}
