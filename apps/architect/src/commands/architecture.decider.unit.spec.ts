import { DomainError, NotFoundError, ValidationError } from '@app/domain';
import { deciderSpec } from '@app/testing/decider-spec';
import { architectureDecider } from './architecture.decider';
import type { ArchitectureEvent, ComponentCreated } from '../architecture/architecture.events';
import {
  codeStatusOf,
  designStatusOf,
  evolveArchitecture,
  initialArchitectureState,
  testStatusOf,
} from '../architecture/architecture.state';

const at = '2026-11-25T10:00:00.000Z';
const later = '2026-11-25T11:00:00.000Z';
const spec = deciderSpec(architectureDecider);

function created(
  componentId: string,
  name: string,
  kind: ComponentCreated['data']['kind'] = 'context',
  parentId: string | null = null,
): ComponentCreated {
  return {
    type: 'ComponentCreated',
    data: { componentId, projectId: 'p1', parentId, name, kind, description: '', at },
  };
}

const shop = created('ctx-shop', 'Shop');
const billing = created('ctx-billing', 'Billing');
const cart = created('cmp-cart', 'Cart', 'schema', 'ctx-shop');

describe('architecture decider', () => {
  describe('CreateComponent', () => {
    const command = {
      type: 'CreateComponent' as const,
      componentId: 'c9',
      projectId: 'p1',
      description: '',
      at,
    };

    it('creates a context at the top level and a component inside a context', () => {
      spec
        .given([])
        .when({ ...command, parentId: null, name: 'Shop', kind: 'context' })
        .then([created('c9', 'Shop')]);
      spec
        .given([shop])
        .when({ ...command, parentId: 'ctx-shop', name: 'Cart', kind: 'schema' })
        .then([created('c9', 'Cart', 'schema', 'ctx-shop')]);
    });

    it('rejects a duplicate name, a context inside something, an orphan component, a non-context parent, an unknown parent and a bad module name', () => {
      spec
        .given([shop])
        .when({ ...command, parentId: null, name: 'shop', kind: 'context' })
        .thenThrows(ValidationError, /already exists/);
      spec
        .given([shop])
        .when({ ...command, parentId: 'ctx-shop', name: 'Inner', kind: 'context' })
        .thenThrows(ValidationError, /cannot live inside/);
      spec
        .given([shop])
        .when({ ...command, parentId: null, name: 'Loose', kind: 'schema' })
        .thenThrows(ValidationError, /inside a context/);
      spec
        .given([shop, cart])
        .when({ ...command, parentId: 'cmp-cart', name: 'Line', kind: 'schema' })
        .thenThrows(ValidationError, /not a context/);
      spec
        .given([shop])
        .when({ ...command, parentId: 'nope', name: 'Line', kind: 'schema' })
        .thenThrows(NotFoundError);
      spec
        .given([shop])
        .when({ ...command, parentId: 'ctx-shop', name: 'not a module', kind: 'module' })
        .thenThrows(ValidationError);
      spec
        .given([shop])
        .when({ ...command, parentId: null, name: '', kind: 'context' })
        .thenThrows(ValidationError);
    });
  });

  describe('dependencies', () => {
    it('adds a dependency and rejects any cycle with the names along it', () => {
      spec
        .given([shop, billing])
        .when({ type: 'AddDependency', fromId: 'ctx-shop', toId: 'ctx-billing', at })
        .then([{ type: 'DependencyAdded', data: { fromId: 'ctx-shop', toId: 'ctx-billing', at } }]);
      const history: ArchitectureEvent[] = [
        shop,
        billing,
        { type: 'DependencyAdded', data: { fromId: 'ctx-shop', toId: 'ctx-billing', at } },
      ];
      const run = () =>
        architectureDecider.decide(
          { type: 'AddDependency', fromId: 'ctx-billing', toId: 'ctx-shop', at },
          history.reduce(evolveArchitecture, initialArchitectureState()),
        );
      expect(run).toThrow(DomainError);
      try {
        run();
      } catch (error) {
        expect((error as DomainError).code).toBe('DEPENDENCY_CYCLE');
        expect((error as DomainError).details.cycle).toEqual(['Billing', 'Shop', 'Billing']);
      }
      spec
        .given(history)
        .when({ type: 'AddDependency', fromId: 'ctx-shop', toId: 'ctx-billing', at })
        .thenThrows(ValidationError);
      spec
        .given(history)
        .when({ type: 'AddDependency', fromId: 'ctx-shop', toId: 'ctx-shop', at })
        .thenThrows(ValidationError);
      spec
        .given(history)
        .when({ type: 'AddDependency', fromId: 'ctx-shop', toId: 'ghost', at })
        .thenThrows(NotFoundError);
    });

    it('removes an existing dependency and rejects an unknown one', () => {
      const history: ArchitectureEvent[] = [
        shop,
        billing,
        { type: 'DependencyAdded', data: { fromId: 'ctx-shop', toId: 'ctx-billing', at } },
      ];
      spec
        .given(history)
        .when({ type: 'RemoveDependency', fromId: 'ctx-shop', toId: 'ctx-billing', at })
        .then([{ type: 'DependencyRemoved', data: { fromId: 'ctx-shop', toId: 'ctx-billing', at } }]);
      spec
        .given(history)
        .when({ type: 'RemoveDependency', fromId: 'ctx-billing', toId: 'ctx-shop', at })
        .thenThrows(NotFoundError);
    });
  });

  describe('stories, designs, evidence and dirtiness', () => {
    const mapped: ArchitectureEvent = {
      type: 'StoryMappedToComponent',
      data: { storyId: 's1', componentId: 'ctx-shop', componentName: 'Shop', at },
    };
    const accepted: ArchitectureEvent = {
      type: 'ComponentDesignRecorded',
      data: { componentId: 'ctx-shop', designVersion: 1, valid: true, at },
    };

    it('maps a story of the same project once, and refuses one of another project', () => {
      spec
        .given([shop])
        .when({
          type: 'MapStoryToComponent',
          storyId: 's1',
          storyProjectId: 'p1',
          componentId: 'ctx-shop',
          at,
        })
        .then([mapped]);
      spec
        .given([shop, mapped])
        .when({
          type: 'MapStoryToComponent',
          storyId: 's1',
          storyProjectId: 'p1',
          componentId: 'ctx-shop',
          at,
        })
        .then([]);
      spec
        .given([shop])
        .when({
          type: 'MapStoryToComponent',
          storyId: 's1',
          storyProjectId: 'p2',
          componentId: 'ctx-shop',
          at,
        })
        .thenThrows(ValidationError);
      spec
        .given([shop, mapped])
        .when({ type: 'UnmapStoryFromComponent', storyId: 's1', componentId: 'ctx-shop', at })
        .then([{ type: 'StoryUnmappedFromComponent', data: { storyId: 's1', componentId: 'ctx-shop', at } }]);
    });

    it('refuses to move a story linked elsewhere with CONFLICT naming the component, unless told to replace', () => {
      const move = {
        type: 'MapStoryToComponent' as const,
        storyId: 's1',
        storyProjectId: 'p1',
        componentId: 'ctx-billing',
        at,
      };
      spec
        .given([shop, billing, mapped])
        .when(move)
        .thenThrows(DomainError, 'story s1 is already linked to Shop; link it with replace: true to move it');
      spec
        .given([shop, billing, mapped])
        .when({ ...move, replace: true })
        .then([
          {
            type: 'StoryMappedToComponent',
            data: { storyId: 's1', componentId: 'ctx-billing', componentName: 'Billing', at },
          },
        ]);
    });

    it('marks a component dirty only for a linked story revised after its design was accepted', () => {
      const dirty = {
        type: 'MarkComponentDirty' as const,
        componentId: 'ctx-shop',
        storyId: 's1',
        storyVersion: 3,
        revisedAt: later,
        cause: { kind: 'STORY_REVISED' as const, summary: 'Story "Checkout" was revised' },
        at: later,
      };
      spec.given([shop, mapped]).when(dirty).then([]); // no accepted design yet
      spec.given([shop, accepted]).when(dirty).then([]); // story not linked
      spec
        .given([shop, mapped, accepted])
        .when({ ...dirty, revisedAt: '2026-11-25T09:00:00.000Z' })
        .then([]); // revised before acceptance
      spec
        .given([shop, mapped, accepted])
        .when(dirty)
        .then([
          {
            type: 'ComponentMarkedDirty',
            data: {
              componentId: 'ctx-shop',
              componentName: 'Shop',
              storyId: 's1',
              storyVersion: 3,
              reason: 'Story "Checkout" was revised (story version 3, after design version 1 was accepted)',
              cause: {
                kind: 'STORY_REVISED',
                source: 'story-s1',
                version: 3,
                at: later,
                summary: 'Story "Checkout" was revised',
              },
              at: later,
            },
          },
        ]);
    });

    it('records each further change as one more cause until a new design is accepted', () => {
      const change = (storyVersion: number, summary: string) => ({
        type: 'MarkComponentDirty' as const,
        componentId: 'ctx-shop',
        storyId: 's1',
        storyVersion,
        revisedAt: later,
        cause: { kind: 'CRITERION_CHANGED' as const, summary },
        at: later,
      });
      const state = (events: ArchitectureEvent[]) =>
        events.reduce(evolveArchitecture, initialArchitectureState());
      const fold = (events: ArchitectureEvent[]) => state(events).components.get('ctx-shop')!;
      const first = architectureDecider.decide(change(3, 'AC-1 changed'), state([shop, mapped, accepted]));
      const second = architectureDecider.decide(
        change(4, 'AC-2 changed'),
        state([shop, mapped, accepted, ...first]),
      );
      expect(
        architectureDecider.decide(change(4, 'again'), state([shop, mapped, accepted, ...first, ...second])),
      ).toEqual([]); // the same story version once
      const dirty = fold([shop, mapped, accepted, ...first, ...second]);
      expect(dirty.dirtyCauses.map((c) => [c.kind, c.version, c.summary])).toEqual([
        ['CRITERION_CHANGED', 3, 'AC-1 changed'],
        ['CRITERION_CHANGED', 4, 'AC-2 changed'],
      ]);
      const regenerated: ArchitectureEvent = {
        type: 'ComponentDesignRecorded',
        data: { componentId: 'ctx-shop', designVersion: 2, valid: true, at: later },
      };
      expect(fold([shop, mapped, accepted, ...first, ...second, regenerated]).dirtyCauses).toEqual([]);
    });

    it('derives design, test and code status from designs, evidence and dirtiness', () => {
      const fold = (events: ArchitectureEvent[]) =>
        events.reduce(evolveArchitecture, initialArchitectureState()).components.get('ctx-shop')!;
      const statuses = (events: ArchitectureEvent[]) => {
        const c = fold(events);
        return [designStatusOf(c), testStatusOf(c), codeStatusOf(c)];
      };
      const red: ArchitectureEvent = {
        type: 'ComponentTestEvidenceRecorded',
        data: { componentId: 'ctx-shop', runId: 'r1', evidence: 'red', at },
      };
      const green: ArchitectureEvent = {
        type: 'ComponentTestEvidenceRecorded',
        data: { componentId: 'ctx-shop', runId: 'r2', evidence: 'green', at },
      };
      const invalid: ArchitectureEvent = {
        type: 'ComponentDesignRecorded',
        data: { componentId: 'ctx-shop', designVersion: 2, valid: false, at },
      };
      const marked: ArchitectureEvent = {
        type: 'ComponentMarkedDirty',
        data: {
          componentId: 'ctx-shop',
          componentName: 'Shop',
          storyId: 's1',
          storyVersion: 2,
          reason: 'r',
          at,
        },
      };
      expect(statuses([shop])).toEqual(['MISSING', 'NONE', 'NONE']);
      expect(statuses([shop, accepted])).toEqual(['ACCEPTED', 'NONE', 'NONE']);
      expect(statuses([shop, accepted, invalid])).toEqual(['INVALID', 'NONE', 'NONE']);
      expect(statuses([shop, accepted, red])).toEqual(['ACCEPTED', 'RED', 'NONE']);
      expect(statuses([shop, accepted, red, green])).toEqual(['ACCEPTED', 'GREEN', 'GREEN']);
      expect(statuses([shop, mapped, accepted, red, green, marked])).toEqual(['DIRTY', 'DIRTY', 'DIRTY']);
      const reaccepted: ArchitectureEvent = {
        type: 'ComponentDesignRecorded',
        data: { componentId: 'ctx-shop', designVersion: 3, valid: true, at: later },
      };
      expect(statuses([shop, mapped, accepted, red, green, marked, reaccepted])).toEqual([
        'ACCEPTED',
        'NONE',
        'NONE',
      ]);
      spec
        .given([shop, accepted, red])
        .when({ type: 'RecordTestEvidence', componentId: 'ctx-shop', runId: 'r3', evidence: 'red', at })
        .then([]);
    });
  });
});
