import { DomainError, NotFoundError, ValidationError } from '@app/domain';
import { deciderSpec } from '@app/testing/decider-spec';
import { architectureDecider } from '../architecture.decider';
import type { ArchitectureEvent, ComponentCreated } from '../../architecture/architecture.events';
import { evolveArchitecture, initialArchitectureState } from '../../architecture/architecture.state';

const at = '2026-12-01T10:00:00.000Z';
const spec = deciderSpec(architectureDecider);
const created = (
  componentId: string,
  name: string,
  kind: ComponentCreated['data']['kind'],
  parentId: string | null = null,
): ComponentCreated => ({
  type: 'ComponentCreated',
  data: { componentId, projectId: 'p1', parentId, name, kind, description: '', at },
});
const shop = created('ctx-shop', 'Shop', 'context');
const billing = created('ctx-billing', 'Billing', 'context');
const cart = created('cmp-cart', 'Cart', 'module', 'ctx-shop');
const linked: ArchitectureEvent = {
  type: 'StoryMappedToComponent',
  data: { storyId: 's1', componentId: 'cmp-cart', componentName: 'Cart', at },
};
const dependsOnCart: ArchitectureEvent = {
  type: 'DependencyAdded',
  data: { fromId: 'ctx-billing', toId: 'cmp-cart', at },
};

describe('graph editing', () => {
  describe('RenameComponent', () => {
    const rename = (name: string, componentId = 'cmp-cart') => ({
      type: 'RenameComponent' as const,
      componentId,
      name,
      at,
    });

    it('renames, keeping the previous name in the event; the same name changes nothing', () => {
      spec
        .given([shop, cart])
        .when(rename('Basket'))
        .then([
          {
            type: 'ComponentRenamed',
            data: { componentId: 'cmp-cart', name: 'Basket', previousName: 'Cart', at },
          },
        ]);
      spec.given([shop, cart]).when(rename('Cart')).then([]);
    });

    it('refuses a name taken in any case, a bad module name and an unknown component', () => {
      spec
        .given([shop, cart])
        .when(rename('SHOP'))
        .thenThrows(ValidationError, 'a component named "Shop" already exists in this project');
      spec.given([shop, cart]).when(rename('not pascal')).thenThrows(ValidationError);
      spec.given([shop]).when(rename('X', 'nope')).thenThrows(NotFoundError);
    });
  });

  it('describes a component anew, and refuses a description over 10,000 characters', () => {
    const describe = (description: string) => ({
      type: 'DescribeComponent' as const,
      componentId: 'cmp-cart',
      description,
      at,
    });
    spec
      .given([shop, cart])
      .when(describe('Holds the items'))
      .then([
        { type: 'ComponentDescribed', data: { componentId: 'cmp-cart', description: 'Holds the items', at } },
      ]);
    spec
      .given([shop, cart])
      .when(describe('x'.repeat(10_001)))
      .thenThrows(ValidationError, 'description is too long');
  });

  describe('DeleteComponent', () => {
    const remove = (componentId: string, force = false) => ({
      type: 'DeleteComponent' as const,
      componentId,
      force,
      at,
    });

    it('deletes a component nothing hangs on', () => {
      spec
        .given([shop, cart])
        .when(remove('cmp-cart'))
        .then([
          {
            type: 'ComponentDeleted',
            data: {
              componentId: 'cmp-cart',
              name: 'Cart',
              forced: false,
              unlinkedStoryIds: [],
              removedDependencies: [],
              at,
            },
          },
        ]);
    });

    it('refuses while an automated session works on it, even with force', () => {
      spec
        .given([shop, cart])
        .when({
          ...remove('cmp-cart', true),
          runningSessions: [{ sessionId: 'ses-1', sessionType: 'TESTS' }],
        })
        .thenThrows(
          DomainError,
          'Cart cannot be deleted while a session works on it (TESTS session ses-1); cancel it or wait for it to end',
        );
    });

    it('refuses while stories are linked or components depend on it, naming them', () => {
      spec
        .given([shop, billing, cart, linked, dependsOnCart])
        .when(remove('cmp-cart'))
        .thenThrows(
          DomainError,
          'Cart cannot be deleted: it is depended on by Billing; 1 story is linked to it. Pass force: true to unlink and delete',
        );
    });

    it('with force, unlinks the stories and removes the dependencies first, each by its own event', () => {
      const events = architectureDecider.decide(
        remove('cmp-cart', true),
        [shop, billing, cart, linked, dependsOnCart].reduce(evolveArchitecture, initialArchitectureState()),
      );
      expect(events.map((e) => e.type)).toEqual([
        'StoryUnmappedFromComponent',
        'DependencyRemoved',
        'ComponentDeleted',
      ]);
      const after = [shop, billing, cart, linked, dependsOnCart, ...events].reduce(
        evolveArchitecture,
        initialArchitectureState(),
      );
      expect([...after.components.keys()]).toEqual(['ctx-shop', 'ctx-billing']);
      expect(after.components.get('ctx-billing')?.dependsOn).toEqual([]);
    });

    it('refuses a context that still has components, even with force', () => {
      spec
        .given([shop, cart])
        .when(remove('ctx-shop', true))
        .thenThrows(DomainError, 'Shop still has the components Cart; delete them first');
    });
  });
});
