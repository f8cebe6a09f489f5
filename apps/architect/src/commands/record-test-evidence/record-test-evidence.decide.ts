import { component } from '../../architecture/architecture.lookup';
import type { RecordTestEvidence } from '../architecture.commands';
import type { ArchitectureEvent } from '../../architecture/architecture.events';
import type { ArchitectureState } from '../../architecture/architecture.state';
import { evidenceStale } from '../../architecture/architecture.state';

/** A red or green run for the component (the same evidence twice changes nothing). */
export function decideRecordTestEvidence(
  command: RecordTestEvidence,
  state: ArchitectureState,
): ArchitectureEvent[] {
  const target = component(state, command.componentId);
  // A green run after red clears a replaced design's staleness, even when an earlier green (before red) was recorded.
  const greenCounts = !target.green || (target.red && evidenceStale(target));
  if ((command.evidence === 'red' && target.red) || (command.evidence === 'green' && !greenCounts)) return [];
  return [
    {
      type: 'ComponentTestEvidenceRecorded',
      data: { componentId: target.id, runId: command.runId, evidence: command.evidence, at: command.at },
    },
  ];
}
