import { component } from '../architecture.lookup';
import type { RecordTestEvidence } from '../architecture.commands';
import type { ArchitectureEvent } from '../architecture.events';
import type { ArchitectureState } from '../architecture.state';

/** A red or green run for the component (the same evidence twice changes nothing). */
export function decideRecordTestEvidence(
  command: RecordTestEvidence,
  state: ArchitectureState,
): ArchitectureEvent[] {
  const target = component(state, command.componentId);
  if ((command.evidence === 'red' && target.red) || (command.evidence === 'green' && target.green)) return [];
  return [
    {
      type: 'ComponentTestEvidenceRecorded',
      data: { componentId: target.id, runId: command.runId, evidence: command.evidence, at: command.at },
    },
  ];
}
