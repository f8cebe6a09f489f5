import { DomainError, ValidationError } from '@app/domain';
import { component } from '../../architecture/architecture.lookup';
import type { AcceptDesignAsCurrent } from '../architecture.commands';
import type { ArchitectureEvent } from '../../architecture/architecture.events';
import type { ArchitectureState } from '../../architecture/architecture.state';
import type { DirtyCause } from '../../architecture/dirty-cause';

const sameCause = (cause: DirtyCause, wanted: { source: string; version: number }) =>
  cause.source === wanted.source && cause.version === wanted.version;

/**
 * Waives a DIRTY component's causes with a reason: the ones named (by stream and version), or
 * every one. When none is left the component is clean again (`ComponentDirtinessCleared`);
 * otherwise it stays DIRTY with the others. A waiver may say that the evidence already recorded
 * still verifies some criteria whose text changed; it names them in its event.
 */
export function decideAcceptDesignAsCurrent(
  command: AcceptDesignAsCurrent,
  state: ArchitectureState,
): ArchitectureEvent[] {
  const target = component(state, command.componentId);
  const reason = command.reason.trim();
  if (reason.length === 0 || reason.length > 1_000)
    throw new ValidationError('say why the change needs no rework', [
      { field: 'reason', message: 'must be 1 to 1000 characters' },
    ]);
  if (!target.dirty)
    throw new DomainError('CONFLICT', `${target.name} is not DIRTY: there is no change to accept`, {
      componentId: target.id,
    });
  const wanted = command.causes;
  const unknown = (wanted ?? []).filter((w) => !target.dirtyCauses.some((c) => sameCause(c, w)));
  if (unknown.length > 0)
    throw new ValidationError(
      `${target.name} has no cause ${unknown.map((u) => `${u.source}@${u.version}`).join(', ')}: its causes are ${target.dirtyCauses.map((c) => `${c.source}@${c.version}`).join(', ')}`,
      unknown.map((u) => ({ field: 'causes', message: `no cause ${u.source}@${u.version}` })),
    );
  const waived = wanted
    ? target.dirtyCauses.filter((c) => wanted.some((w) => sameCause(c, w)))
    : target.dirtyCauses;
  const left = target.dirtyCauses.filter((c) => !waived.includes(c));
  const keptEvidence = command.keepEvidenceFor ?? [];
  const events: ArchitectureEvent[] = [
    {
      type: 'ComponentDirtinessWaived',
      data: {
        componentId: target.id,
        reason,
        waivedCauses: waived,
        ...(keptEvidence.length > 0 ? { keptEvidence } : {}),
        at: command.at,
      },
    },
  ];
  // Only DESIGN_CHANGED left: the design is no longer stale (DIRTY), its tests and code still are.
  if (left.some((c) => c.kind !== 'DESIGN_CHANGED')) return events;
  events.push({
    type: 'ComponentDirtinessCleared',
    data: {
      componentId: target.id,
      componentName: target.name,
      storyIds: target.storyIds,
      how: 'WAIVED',
      at: command.at,
    },
  });
  return events;
}
