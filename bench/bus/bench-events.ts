import { randomUUID } from 'node:crypto';
import type { EventMetadata, NewEvent } from '@app/domain/events/event-envelope';
import { PROBE_EVENT_TYPE } from './latency-projection';
import type { ProbeData } from './latency-projection';

/** Metadata shaped like a command's: correlation id, actor and project (≈100 B as JSON). */
function benchMetadata(): EventMetadata {
  return { correlationId: randomUUID(), actor: 'user-bench', projectId: 'project-bench-0001' };
}

/** A latency probe: its sequence number and scheduled send time, plus a title-sized payload. */
export function probeEvent(seq: number, sentMs: number): NewEvent<string, ProbeData & { title: string }> {
  return {
    type: PROBE_EVENT_TYPE,
    data: { seq, sentMs, title: `probe ${seq} ${'x'.repeat(60)}` },
    metadata: benchMetadata(),
  };
}

/** A `TitleSet` event (the throughput phase), ≈100 B of data. */
export function titleEvent(n: number): NewEvent<string, { title: string }> {
  return {
    type: 'TitleSet',
    data: { title: `title ${n} ${'y'.repeat(80)}` },
    metadata: benchMetadata(),
  };
}
