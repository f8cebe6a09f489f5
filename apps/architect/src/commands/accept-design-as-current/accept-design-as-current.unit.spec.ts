import { DomainError, ValidationError } from '@app/domain';
import { deciderSpec } from '@app/testing/decider-spec';
import { architectureDecider } from '../architecture.decider';
import type { ArchitectureEvent } from '../../architecture/architecture.events';
import {
  designStatusOf,
  evolveArchitecture,
  initialArchitectureState,
} from '../../architecture/architecture.state';

const at = '2026-12-01T10:00:00.000Z';
const later = '2026-12-01T11:00:00.000Z';
const spec = deciderSpec(architectureDecider);
const history: ArchitectureEvent[] = [
  {
    type: 'ComponentCreated',
    data: {
      componentId: 'c1',
      projectId: 'p1',
      parentId: null,
      name: 'Shop',
      kind: 'context',
      description: '',
      at,
    },
  },
  { type: 'StoryMappedToComponent', data: { storyId: 's1', componentId: 'c1', componentName: 'Shop', at } },
  { type: 'ComponentDesignRecorded', data: { componentId: 'c1', designVersion: 1, valid: true, at } },
];
const cause = {
  kind: 'CRITERION_CHANGED' as const,
  source: 'story-s1',
  version: 3,
  at: later,
  summary: 'AC-1 of "Checkout" changed: "totl" → "total"',
};
const dirty: ArchitectureEvent = {
  type: 'ComponentMarkedDirty',
  data: {
    componentId: 'c1',
    componentName: 'Shop',
    storyId: 's1',
    storyVersion: 3,
    reason: cause.summary,
    cause,
    at: later,
  },
};
const accept = (reason: string) => ({
  type: 'AcceptDesignAsCurrent' as const,
  componentId: 'c1',
  reason,
  at: later,
});

describe('AcceptDesignAsCurrent', () => {
  it('waives the causes of a DIRTY component with a reason, and the design is ACCEPTED again', () => {
    const waived: ArchitectureEvent = {
      type: 'ComponentDirtinessWaived',
      data: { componentId: 'c1', reason: 'a typo fix', waivedCauses: [cause], at: later },
    };
    const cleared: ArchitectureEvent = {
      type: 'ComponentDirtinessCleared',
      data: { componentId: 'c1', componentName: 'Shop', storyIds: ['s1'], how: 'WAIVED', at: later },
    };
    spec
      .given([...history, dirty])
      .when(accept('  a typo fix '))
      .then([waived, cleared]);
    const component = [...history, dirty, waived]
      .reduce(evolveArchitecture, initialArchitectureState())
      .components.get('c1')!;
    expect([designStatusOf(component), component.dirtyCauses]).toEqual(['ACCEPTED', []]);
  });

  it('needs a reason, and a DIRTY component', () => {
    spec
      .given([...history, dirty])
      .when(accept(' '))
      .thenThrows(ValidationError, 'say why the change needs no rework');
    spec
      .given(history)
      .when(accept('typo'))
      .thenThrows(DomainError, 'Shop is not DIRTY: there is no change to accept');
  });

  it('is not needed after a new accepted design, which clears the dirtiness by itself (REDESIGNED)', () => {
    const redesign = {
      type: 'RecordComponentDesign' as const,
      componentId: 'c1',
      designVersion: 2,
      valid: true,
      at: later,
    };
    spec
      .given([...history, dirty])
      .when(redesign)
      .then([
        {
          type: 'ComponentDesignRecorded',
          data: { componentId: 'c1', designVersion: 2, valid: true, at: later },
        },
        {
          type: 'ComponentDirtinessCleared',
          data: { componentId: 'c1', componentName: 'Shop', storyIds: ['s1'], how: 'REDESIGNED', at: later },
        },
      ]);
    spec
      .given([...history, dirty])
      .when({ ...redesign, valid: false })
      .then([
        {
          type: 'ComponentDesignRecorded',
          data: { componentId: 'c1', designVersion: 2, valid: false, at: later },
        },
      ]);
  });

  it('waives only the causes it names; the component stays DIRTY with the others', () => {
    const second = { ...cause, kind: 'STORY_REVISED' as const, version: 4, summary: '"Checkout" revised' };
    const dirtyAgain: ArchitectureEvent = {
      ...dirty,
      data: { ...dirty.data, storyVersion: 4, cause: second },
    };
    const waived: ArchitectureEvent = {
      type: 'ComponentDirtinessWaived',
      data: { componentId: 'c1', reason: 'a typo fix', waivedCauses: [cause], at: later },
    };
    spec
      .given([...history, dirty, dirtyAgain])
      .when({ ...accept('a typo fix'), causes: [{ source: 'story-s1', version: 3 }] })
      .then([waived]);
    const component = [...history, dirty, dirtyAgain, waived]
      .reduce(evolveArchitecture, initialArchitectureState())
      .components.get('c1')!;
    expect([component.dirty, component.dirtyCauses]).toEqual([true, [second]]);
    spec
      .given([...history, dirty])
      .when({ ...accept('typo'), causes: [{ source: 'story-s1', version: 9 }] })
      .thenThrows(ValidationError, 'Shop has no cause story-s1@9: its causes are story-s1@3');
  });

  it('names the criteria whose recorded evidence still verifies their new text', () => {
    const keep = [{ criterionId: 'k1', ref: 'AC-1' }];
    const waived: ArchitectureEvent = {
      type: 'ComponentDirtinessWaived',
      data: { componentId: 'c1', reason: 'a typo fix', waivedCauses: [cause], keptEvidence: keep, at: later },
    };
    spec
      .given([...history, dirty])
      .when({ ...accept('a typo fix'), keepEvidenceFor: keep })
      .then([
        waived,
        {
          type: 'ComponentDirtinessCleared',
          data: { componentId: 'c1', componentName: 'Shop', storyIds: ['s1'], how: 'WAIVED', at: later },
        },
      ]);
    const component = [...history, dirty, waived]
      .reduce(evolveArchitecture, initialArchitectureState())
      .components.get('c1')!;
    expect([...component.keptEvidence]).toEqual([['k1', later]]);
  });
});
