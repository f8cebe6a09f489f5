import { randomUUID } from 'node:crypto';
import type { Identity } from '@app/domain';
import { eventStoreMigrations, PostgresEventStore, runMigrations } from '@app/platform';
import { createTestDatabase } from '@app/testing/infra/test-database';
import type { TestDatabase } from '@app/testing/infra/test-database';
import { projectIdentity } from '@app/testing/service-harness';
import type { ServiceProcess } from '@app/testing/service-process';
import { startServiceProcess } from '@app/testing/service-process';
import { waitFor } from '@app/testing/wait-for';
import { writeLegacyStory } from '../support/legacy-story';

type ServiceHarness = ServiceProcess;

/**
 * The architect with the stories service on one database and a real bus between them: the
 * embedded Postgres source, or Kafka when KAFKA_BROKERS is set (see the second suite).
 */
/** A valid DOMAIN context design without dependencies: its Components and Test Assertions as given. */
function contextDesign(name: string, components: string, assertions: string): string {
  const sections = [
    'Purpose',
    'Entity Ownership',
    'Access Patterns',
    'Public API',
    'State Management Strategy',
    'Execution Flow',
  ];
  return [
    `# ${name}`,
    ...sections.map((section) => `## ${section}\n\nText for ${section}.`),
    '## Dependencies\n\nNone.',
    `## Components\n\n${components}`,
    '## Test Strategies\n\nUnit tests.',
    `## Test Assertions\n\n${assertions}`,
  ].join('\n\n');
}

function architectSuite(name: string, bus: () => Record<string, string>) {
  describe(name, () => {
    let db: TestDatabase;
    let stories: ServiceHarness;
    let architect: ServiceHarness;
    let projectId: string;
    let me: Identity;

    beforeAll(async () => {
      db = await createTestDatabase('architect');
      const env = bus();
      [stories, architect] = await Promise.all([
        startServiceProcess('stories', {
          ...env,
          DATABASE_URL: db.url,
          KAFKA_GROUP_ID: `stories-${randomUUID()}`,
        }),
        startServiceProcess('architect', {
          ...env,
          DATABASE_URL: db.url,
          KAFKA_GROUP_ID: `architect-${randomUUID()}`,
        }),
      ]);
      const project = await stories.graphql<{ createProject: { id: string } }>(
        `mutation { createProject(input: { name: "Shop ${randomUUID()}" }) { id } }`,
      );
      projectId = project.data!.createProject.id;
      me = projectIdentity(projectId, 'EDITOR', 'dana');
    }, 60_000);

    afterAll(async () => {
      if (process.env.DEBUG_SERVICES)
        process.stderr.write(`--- architect\n${architect?.output()}\n--- stories\n${stories?.output()}\n`);
      await architect?.stop();
      await stories?.stop();
      await db?.drop();
    });

    async function ok<T>(
      harness: ServiceHarness,
      query: string,
      variables: Record<string, unknown> = {},
      who: Identity = me,
    ): Promise<T> {
      const result = await harness.graphql<T>(query, variables, who);
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return result.data!;
    }

    async function createStory(title: string): Promise<string> {
      const data = await ok<{ createStory: { id: string } }>(
        stories,
        `mutation($i: CreateStoryInput!) { createStory(input: $i) { id } }`,
        {
          i: {
            projectId,
            title,
            description: 'As a buyer I want to pay so that I get goods',
            acceptanceCriteria: ['Pays within 3 seconds'],
          },
        },
      );
      return data.createStory.id;
    }

    /** The codes of the errors `validateDesign` finds in a design of the component. */
    async function validationCodes(componentId: string, markdown: string): Promise<string[]> {
      const data = await ok<{ validateDesign: { errors: { code: string }[] } }>(
        architect,
        `query($c: ID!, $m: String!) { validateDesign(componentId: $c, markdown: $m) { errors { code } } }`,
        { c: componentId, m: markdown },
      );
      return data.validateDesign.errors.map((e) => e.code);
    }

    async function createContext(contextName: string, type = 'DOMAIN'): Promise<string> {
      const data = await ok<{ createContext: { id: string } }>(
        architect,
        `mutation($i: CreateContextInput!) { createContext(input: $i) { id name type } }`,
        {
          i: { projectId, name: contextName, type, description: `${contextName} context` },
        },
      );
      return data.createContext.id;
    }

    it('maps stories onto contexts and components, rejects cycles of any length, and reports the architecture', async () => {
      const checkout = await createStory('Checkout');
      const shop = await createContext('Shop');
      const billing = await createContext('Billing');
      const shipping = await createContext('Shipping');
      const lonely = await createContext('Reporting', 'COORDINATION');
      const cart = await ok<{ createComponent: { id: string; type: string } }>(
        architect,
        `mutation($i: CreateComponentInput!) { createComponent(input: $i) { id type } }`,
        {
          i: { projectId, parentId: shop, name: 'Cart', type: 'schema' },
        },
      );
      expect(cart.createComponent.type).toBe('schema');
      const duplicate = await architect.graphql(
        `mutation($i: CreateContextInput!) { createContext(input: $i) { id } }`,
        { i: { projectId, name: 'shop', type: 'DOMAIN' } },
        me,
      );
      expect(duplicate.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

      const linked = await ok<{ linkStoryToComponent: { stories: { id: string }[] } }>(
        architect,
        `mutation($i: LinkStoryToComponentInput!) { linkStoryToComponent(input: $i) { stories { id } } }`,
        { i: { storyId: checkout, componentId: shop } },
      );
      expect(linked.linkStoryToComponent.stories).toEqual([{ id: checkout }]);
      const unknownStory = await architect.graphql(
        `mutation($i: LinkStoryToComponentInput!) { linkStoryToComponent(input: $i) { id } }`,
        { i: { storyId: randomUUID(), componentId: shop } },
        me,
      );
      expect(unknownStory.errors?.[0].extensions?.code).toBe('NOT_FOUND');

      const add = (fromId: string, toId: string) =>
        architect.graphql(
          `mutation($i: AddDependencyInput!) { addDependency(input: $i) { id dependencies { name } } }`,
          { i: { fromId, toId } },
          me,
        );
      expect((await add(shop, billing)).errors).toBeUndefined();
      expect((await add(billing, shipping)).errors).toBeUndefined();
      const cycle = await add(shipping, shop);
      expect(cycle.errors?.[0].extensions).toMatchObject({
        code: 'DEPENDENCY_CYCLE',
        cycle: ['Shipping', 'Shop', 'Billing', 'Shipping'],
      });
      expect((await add(shop, shop)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect((await add(shop, billing)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

      const { architecture } = await ok<{
        architecture: {
          layers: { name: string }[][];
          orphanedContexts: { name: string }[];
          dependencies: { from: { name: string }; to: { name: string } }[];
          mermaid: string;
          health: { score: number; level: string };
        };
      }>(
        architect,
        `query($p: ID!) { architecture(projectId: $p) { components { name } dependencies { from { name } to { name } } layers { name } orphanedContexts { name } health { score level storyCoverage findings { rule message } } mermaid } }`,
        { p: projectId },
      );
      expect(architecture.layers.map((layer) => layer.map((c) => c.name))).toEqual([
        ['Shop'],
        ['Billing'],
        ['Shipping'],
      ]);
      expect(architecture.orphanedContexts.map((c) => c.name)).toEqual(['Reporting']);
      expect(architecture.dependencies.map((d) => `${d.from.name}->${d.to.name}`)).toEqual([
        'Billing->Shipping',
        'Shop->Billing',
      ]);
      expect(architecture.mermaid).toMatch(/^flowchart TD/);
      expect(['excellent', 'good', 'fair', 'poor']).toContain(architecture.health.level);
      // Coverage counts stories: a second story on no component makes it one half.
      const coverage = async () =>
        (
          await ok<{ architecture: { health: { storyCoverage: number } } }>(
            architect,
            `query($p: ID!) { architecture(projectId: $p) { health { storyCoverage } } }`,
            { p: projectId },
          )
        ).architecture.health.storyCoverage;
      expect(await coverage()).toBe(1);
      await createStory('Admin dashboard');
      await waitFor(async () => (await coverage()) === 0.5, 30_000, 'the unlinked story in the coverage');
      void lonely;
      void cart;

      const other = projectIdentity(randomUUID());
      expect(
        (
          await architect.graphql(
            `query($p: ID!) { architecture(projectId: $p) { mermaid } }`,
            { p: projectId },
            other,
          )
        ).errors?.[0].extensions?.code,
      ).toBe('NOT_FOUND');
      expect(
        (
          await architect.graphql(
            `mutation($i: AddDependencyInput!) { addDependency(input: $i) { id } }`,
            { i: { fromId: shipping, toId: shop } },
            projectIdentity(projectId, 'VIEWER'),
          )
        ).errors?.[0].extensions?.code,
      ).toBe('FORBIDDEN');
    });

    it('validates designs, keeps every version, accepts the newest valid one, and moves next actions', async () => {
      const payments = await createContext('Payments');
      const template = await ok<{ designTemplate: string }>(
        architect,
        `{ designTemplate(type: "component") }`,
      );
      expect(template.designTemplate).toContain('## Purpose');
      const ledger = (
        await ok<{ createComponent: { id: string } }>(
          architect,
          `mutation($i: CreateComponentInput!) { createComponent(input: $i) { id } }`,
          { i: { projectId, parentId: payments, name: 'Ledger', type: 'repository' } },
        )
      ).createComponent.id;

      const invalid = await ok<{
        submitDesign: { version: number; valid: boolean; errors: { code: string; section: string | null }[] };
      }>(
        architect,
        `mutation($i: SubmitDesignInput!) { submitDesign(input: $i) { version valid accepted errors { code message section } } }`,
        {
          i: {
            componentId: ledger,
            markdown: '# Wrong\n\n## Purpose\n\nKeeps money.\n\n## Colour\n\nblue\n',
          },
        },
      );
      expect(invalid.submitDesign.valid).toBe(false);
      expect(invalid.submitDesign.errors.map((e) => e.code)).toEqual(
        expect.arrayContaining(['title-mismatch', 'missing-section', 'unknown-section']),
      );

      let actions = await ok<{ nextActions: { component: { name: string }; action: string }[] }>(
        architect,
        `query($p: ID!) { nextActions(projectId: $p) { component { name } action reason } }`,
        { p: projectId },
      );
      expect(actions.nextActions.find((a) => a.component.name === 'Ledger')?.action).toBe('FIX_DESIGN');

      const valid = [
        '# Ledger',
        '## Purpose',
        'Records every payment.',
        '## Public API',
        '- `record(payment)`',
        '## Execution Flow',
        '1. Validate, 2. store.',
        '## Test Assertions',
        '- records a payment',
        '- rejects a negative amount',
        '',
      ].join('\n\n');
      const accepted = await ok<{
        submitDesign: { version: number; valid: boolean; accepted: boolean; testAssertions: string[] };
      }>(
        architect,
        `mutation($i: SubmitDesignInput!) { submitDesign(input: $i) { version valid accepted testAssertions errors { code message } } }`,
        { i: { componentId: ledger, markdown: valid } },
      );
      expect(accepted.submitDesign).toMatchObject({
        version: 2,
        valid: true,
        accepted: true,
        testAssertions: ['records a payment', 'rejects a negative amount'],
      });
      const history = await ok<{
        designHistory: { version: number; valid: boolean; accepted: boolean }[];
        designDiff: { diff: string };
      }>(
        architect,
        `query($c: ID!) { designHistory(componentId: $c) { version valid accepted } designDiff(componentId: $c, fromVersion: 1, toVersion: 2) { diff } }`,
        { c: ledger },
      );
      expect(history.designHistory).toEqual([
        { version: 1, valid: false, accepted: false },
        { version: 2, valid: true, accepted: true },
      ]);
      expect(history.designDiff.diff).toContain('+# Ledger');
      const component = await ok<{
        component: { designStatus: string; testStatus: string; codeStatus: string };
      }>(architect, `query($c: ID!) { component(id: $c) { designStatus testStatus codeStatus } }`, {
        c: ledger,
      });
      expect(component.component).toEqual({
        designStatus: 'ACCEPTED',
        testStatus: 'NONE',
        codeStatus: 'NONE',
      });
      actions = await ok(
        architect,
        `query($p: ID!) { nextActions(projectId: $p) { component { name } action reason } }`,
        { p: projectId },
      );
      expect(actions.nextActions.find((a) => a.component.name === 'Ledger')?.action).toBe('WRITE_TESTS');

      // Red, then green evidence arrives as the sessions service's public event.
      const sessions = new PostgresEventStore(await db.dataSource(), 'sessions');
      await runMigrations(await db.dataSource(), 'sessions', eventStoreMigrations);
      const run = (outcome: 'FAILED' | 'PASSED', passed: number, failed: number) =>
        sessions.append(`sandbox-run-${randomUUID()}`, [
          {
            type: 'SandboxRunRecorded',
            data: {
              runId: randomUUID(),
              projectId,
              componentId: ledger,
              purpose: 'MANUAL',
              outcome,
              exitCode: failed ? 1 : 0,
              durationMs: 900,
              testsPassed: passed,
              testsFailed: failed,
              recordedAt: new Date().toISOString(),
            },
            metadata: { projectId },
          },
        ]);
      const actionOf = async () =>
        (
          await ok<{ nextActions: { component: { name: string }; action: string }[] }>(
            architect,
            `query($p: ID!) { nextActions(projectId: $p) { component { name } action } }`,
            { p: projectId },
          )
        ).nextActions.find((a) => a.component.name === 'Ledger')?.action;
      if (!process.env.KAFKA_BROKERS || bus().KAFKA_BROKERS === undefined) {
        await run('FAILED', 0, 2);
        await waitFor(async () => (await actionOf()) === 'WRITE_CODE', 15_000, 'red evidence');
        await run('PASSED', 2, 0);
        await waitFor(async () => (await actionOf()) === undefined, 15_000, 'green evidence');
      }
    });

    it('propagates a story revision over the bus: the component becomes DIRTY, then the story', async () => {
      const storyId = await createStory('Refunds');
      const { story } = await ok<{ story: { acceptanceCriteria: { ref: string }[] } }>(
        stories,
        `query($id: ID!) { story(id: $id) { acceptanceCriteria { ref } } }`,
        { id: storyId },
      );
      const cites = story.acceptanceCriteria.map((c) => c.ref).join(', ');
      const refunds = await createContext('Refunds');
      await ok(
        architect,
        `mutation($i: LinkStoryToComponentInput!) { linkStoryToComponent(input: $i) { id } }`,
        { i: { storyId, componentId: refunds } },
      );
      const design = contextDesign('Refunds', 'None yet.', `- refunds a payment [${cites}]`);
      const submitted = await ok<{
        submitDesign: { valid: boolean; errors: { code: string; message: string }[] };
      }>(
        architect,
        `mutation($i: SubmitDesignInput!) { submitDesign(input: $i) { valid errors { code message } } }`,
        {
          i: { componentId: refunds, markdown: design },
        },
      );
      expect(submitted.submitDesign.errors).toEqual([]);

      // The link reached the story through the bus.
      await waitFor(
        async () =>
          (
            await ok<{ story: { componentId: string | null } }>(
              stories,
              `query($s: ID!) { story(id: $s) { componentId } }`,
              { s: storyId },
            )
          ).story.componentId === refunds,
        20_000,
        'the link on the story',
      );

      await ok(stories, `mutation($i: ReviseStoryInput!) { reviseStory(input: $i) { version } }`, {
        i: {
          id: storyId,
          expectedVersion: 2,
          description: 'As a buyer I want my money back so that I trust the shop',
        },
      });
      await waitFor(
        async () =>
          (
            await ok<{ component: { designStatus: string } }>(
              architect,
              `query($c: ID!) { component(id: $c) { designStatus testStatus codeStatus } }`,
              { c: refunds },
            )
          ).component.designStatus === 'DIRTY',
        20_000,
        'the component to become DIRTY',
      );
      const component = await ok<{
        component: { designStatus: string; testStatus: string; codeStatus: string };
      }>(architect, `query($c: ID!) { component(id: $c) { designStatus testStatus codeStatus } }`, {
        c: refunds,
      });
      expect(component.component).toEqual({
        designStatus: 'DIRTY',
        testStatus: 'DIRTY',
        codeStatus: 'DIRTY',
      });
      await waitFor(
        async () =>
          (
            await ok<{ story: { status: string } }>(stories, `query($s: ID!) { story(id: $s) { status } }`, {
              s: storyId,
            })
          ).story.status === 'DIRTY',
        20_000,
        'the story to become DIRTY',
      );
      const history = await ok<{ storyHistory: { type: string; actor: string }[] }>(
        stories,
        `query($s: ID!) { storyHistory(id: $s) { type actor } }`,
        { s: storyId },
      );
      expect(history.storyHistory.map((h) => h.type)).toEqual([
        'StoryCreated',
        'StoryLinkedToComponent',
        'StoryRevised',
        'StoryStatusChanged',
      ]);
      const actions = await ok<{ nextActions: { component: { name: string }; action: string }[] }>(
        architect,
        `query($p: ID!) { nextActions(projectId: $p) { component { name } action } }`,
        { p: projectId },
      );
      expect(actions.nextActions.find((a) => a.component.name === 'Refunds')?.action).toBe('REGENERATE');

      // Through federation, the architect resolves Story.component.
      const entities = await ok<{ _entities: { component: { name: string } | null }[] }>(
        architect,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Story { component { name } } } }`,
        { r: [{ __typename: 'Story', id: storyId }] },
      );
      expect(entities._entities).toEqual([{ component: { name: 'Refunds' } }]);
    }, 90_000);

    it('marks the component DIRTY when a criterion of a linked story changes, and validates citations against the copies', async () => {
      const storyId = await createStory('Vouchers');
      const { story } = await ok<{ story: { acceptanceCriteria: { id: string; ref: string }[] } }>(
        stories,
        `query($id: ID!) { story(id: $id) { acceptanceCriteria { id ref } } }`,
        { id: storyId },
      );
      const [criterion] = story.acceptanceCriteria;
      const vouchers = await createContext('Vouchers');
      await ok(
        architect,
        `mutation($i: LinkStoryToComponentInput!) { linkStoryToComponent(input: $i) { id } }`,
        {
          i: { storyId, componentId: vouchers },
        },
      );
      const design = (cites: string) =>
        contextDesign('Vouchers', 'None yet.', `- redeems a voucher ${cites}`);
      const submitted = await ok<{ submitDesign: { valid: boolean } }>(
        architect,
        `mutation($i: SubmitDesignInput!) { submitDesign(input: $i) { valid } }`,
        { i: { componentId: vouchers, markdown: design(`[${criterion.ref}]`) } },
      );
      expect(submitted.submitDesign.valid).toBe(true);

      await ok(
        stories,
        `mutation($i: AddAcceptanceCriterionInput!) { addAcceptanceCriterion(input: $i) { id } }`,
        { i: { storyId, description: 'A voucher is used once' } },
      );
      const statusOf = async () =>
        (
          await ok<{ component: { designStatus: string } }>(
            architect,
            `query($c: ID!) { component(id: $c) { designStatus } }`,
            { c: vouchers },
          )
        ).component.designStatus;
      await waitFor(async () => (await statusOf()) === 'DIRTY', 20_000, 'the component to become DIRTY');
      const added = await ok<{ story: { acceptanceCriteria: { ref: string }[] } }>(
        stories,
        `query($id: ID!) { story(id: $id) { acceptanceCriteria { ref } } }`,
        { id: storyId },
      );
      const newRef = added.story.acceptanceCriteria[1].ref;
      const validate = (cites: string) => validationCodes(vouchers, design(cites));
      // The new criterion reaches the architect's copy: the old design no longer cites everything.
      await waitFor(
        async () => (await validate(`[${criterion.ref}]`)).includes('uncited-criterion'),
        20_000,
        'the new criterion in the copy',
      );
      expect(await validate(`[${criterion.ref}, ${newRef}]`)).toEqual([]);
      await ok(
        stories,
        `mutation($i: RemoveAcceptanceCriterionInput!) { removeAcceptanceCriterion(input: $i) { id } }`,
        { i: { storyId, criterionId: criterion.id } },
      );
      await waitFor(
        async () => (await validate(`[${criterion.ref}, ${newRef}]`)).includes('unknown-criterion'),
        20_000,
        'the removed criterion to leave the copy',
      );

      // A story linked elsewhere moves only when asked to.
      const gifts = await createContext('Gifts');
      const link = (replace?: boolean) =>
        architect.graphql(
          `mutation($i: LinkStoryToComponentInput!) { linkStoryToComponent(input: $i) { id } }`,
          { i: { storyId, componentId: gifts, ...(replace === undefined ? {} : { replace }) } },
          me,
        );
      const refused = await link();
      expect(refused.errors?.[0].message).toBe(
        `story ${storyId} is already linked to Vouchers; link it with replace: true to move it`,
      );
      expect(refused.errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        componentId: vouchers,
        componentName: 'Vouchers',
      });
      expect((await link(true)).errors).toBeUndefined();
    }, 90_000);

    it('gives legacy criteria references: the copies learn them, citations are then asked for, nothing goes DIRTY', async () => {
      // A story as a version before criterion references wrote it (no `ref`), in the store and the read model.
      const { storyId } = await writeLegacyStory(await db.dataSource(), projectId, 'Legacy gift cards', [
        'A card pays up to its balance',
      ]);
      const cards = await createContext('GiftCards');
      const linked = () =>
        architect.graphql(
          `mutation($i: LinkStoryToComponentInput!) { linkStoryToComponent(input: $i) { id } }`,
          { i: { storyId, componentId: cards } },
          me,
        );
      await waitFor(async () => !(await linked()).errors, 20_000, 'the legacy story in the copy');
      const design = (cites: string) =>
        contextDesign('GiftCards', 'None yet.', `- pays with a card ${cites}`);
      const validate = (cites: string) => validationCodes(cards, design(cites));
      // Without a reference the criterion cannot be cited, so a design is not asked to.
      const accepted = await ok<{ submitDesign: { valid: boolean } }>(
        architect,
        `mutation($i: SubmitDesignInput!) { submitDesign(input: $i) { valid } }`,
        { i: { componentId: cards, markdown: design('') } },
      );
      expect(accepted.submitDesign.valid).toBe(true);

      const given = await ok<{ assignCriterionRefs: number }>(
        stories,
        `mutation($p: ID!) { assignCriterionRefs(projectId: $p) }`,
        { p: projectId },
      );
      expect(given.assignCriterionRefs).toBe(1);
      const { story } = await ok<{ story: { acceptanceCriteria: { ref: string }[] } }>(
        stories,
        `query($id: ID!) { story(id: $id) { acceptanceCriteria { ref } } }`,
        { id: storyId },
      );
      const [{ ref }] = story.acceptanceCriteria;
      expect(ref).toMatch(/^AC-\d+$/);
      await waitFor(
        async () => (await validate('')).includes('uncited-criterion'),
        20_000,
        'the reference in the copy',
      );
      expect(await validate(`[${ref}]`)).toEqual([]);
      // A new name is not a new meaning: the accepted design stays accepted.
      const { component } = await ok<{ component: { designStatus: string; dirtyCauses: unknown[] } }>(
        architect,
        `query($c: ID!) { component(id: $c) { designStatus dirtyCauses { kind } } }`,
        { c: cards },
      );
      expect(component).toEqual({ designStatus: 'ACCEPTED', dirtyCauses: [] });
    }, 60_000);

    it('edits the graph: accepts a proposed component, renames and describes it, and deletes it (force unlinks its story)', async () => {
      const catalog = await createContext('Catalog');
      const catalogDesign = contextDesign(
        'Catalog',
        '### Search\n\nFinds products.',
        '- finds a product by name',
      );
      const designed = await ok<{ submitDesign: { valid: boolean; proposedComponents: string[] } }>(
        architect,
        `mutation($i: SubmitDesignInput!) { submitDesign(input: $i) { valid proposedComponents } }`,
        { i: { componentId: catalog, markdown: catalogDesign } },
      );
      expect(designed.submitDesign).toEqual({ valid: true, proposedComponents: ['Search'] });
      const accept = (name: string) =>
        architect.graphql<{
          acceptProposedComponent: { id: string; name: string; type: string; parentId: string };
        }>(
          `mutation($i: AcceptProposedComponentInput!) { acceptProposedComponent(input: $i) { id name type parentId } }`,
          { i: { contextId: catalog, name } },
          me,
        );
      const refused = await accept('Ranking');
      expect(refused.errors?.[0].message).toBe(
        'the accepted design of Catalog does not propose "Ranking"; it proposes Search',
      );
      const search = (await accept('Search')).data!.acceptProposedComponent;
      expect(search).toMatchObject({ name: 'Search', type: 'other', parentId: catalog });

      const renamed = await ok<{ renameComponent: { name: string } }>(
        architect,
        `mutation($i: RenameComponentInput!) { renameComponent(input: $i) { name } }`,
        { i: { id: search.id, name: 'Finder' } },
      );
      expect(renamed.renameComponent.name).toBe('Finder');
      const described = await ok<{ updateComponent: { description: string } }>(
        architect,
        `mutation($i: UpdateComponentInput!) { updateComponent(input: $i) { description } }`,
        { i: { id: search.id, description: 'Finds products by name' } },
      );
      expect(described.updateComponent.description).toBe('Finds products by name');

      const storyId = await createStory('Find products');
      await ok(
        architect,
        `mutation($i: LinkStoryToComponentInput!) { linkStoryToComponent(input: $i) { id } }`,
        {
          i: { storyId, componentId: search.id },
        },
      );
      const storyComponent = async () =>
        (
          await ok<{ story: { componentId: string | null } }>(
            stories,
            `query($s: ID!) { story(id: $s) { componentId } }`,
            {
              s: storyId,
            },
          )
        ).story.componentId;
      await waitFor(async () => (await storyComponent()) === search.id, 20_000, 'the link on the story');
      const remove = (force: boolean) =>
        architect.graphql<{ deleteComponent: { id: string; name: string; unlinkedStoryIds: string[] } }>(
          `mutation($i: DeleteComponentInput!) { deleteComponent(input: $i) { id name unlinkedStoryIds removedDependencies { fromId toId } } }`,
          { i: { id: search.id, force } },
          me,
        );
      const kept = await remove(false);
      expect(kept.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(kept.errors?.[0].message).toBe(
        'Finder cannot be deleted: 1 story is linked to it. Pass force: true to unlink and delete',
      );
      // An automated session working on it blocks the delete, even forced, until it ends (its
      // events reach the architect from the sessions' store on the embedded bus only: no relay here).
      if (!bus().KAFKA_BROKERS) {
        const sessions = new PostgresEventStore(await db.dataSource(), 'sessions', {
          publication: {
            session: {
              SessionStarted: (data: never) => ({ type: 'SessionStarted', data }),
              SessionCancelled: (data: never) => ({ type: 'SessionCancelled', data }),
            },
          },
        });
        await runMigrations(await db.dataSource(), 'sessions', eventStoreMigrations);
        const sessionId = randomUUID();
        const at = new Date().toISOString();
        const data = {
          sessionId,
          projectId,
          componentId: search.id,
          componentName: 'Finder',
          sessionType: 'TESTS',
          at,
        };
        await sessions.append(`session-${sessionId}`, [
          { type: 'SessionStarted', data, metadata: { projectId } },
        ]);
        const blocked = `Finder cannot be deleted while a session works on it (TESTS session ${sessionId}); cancel it or wait for it to end`;
        await waitFor(
          async () => (await remove(false)).errors?.[0].message === blocked,
          20_000,
          'the running session to block the delete',
        );
        expect((await remove(true)).errors?.[0]).toMatchObject({
          message: blocked,
          extensions: { code: 'CONFLICT' },
        });
        await sessions.append(`session-${sessionId}`, [
          { type: 'SessionCancelled', data: { by: 'dana', at }, metadata: { projectId } },
        ]);
        await waitFor(
          async () => (await remove(false)).errors?.[0].message !== blocked,
          20_000,
          'the ended session to let the delete through',
        );
      }
      expect((await remove(true)).data!.deleteComponent).toEqual({
        id: search.id,
        name: 'Finder',
        unlinkedStoryIds: [storyId],
        removedDependencies: [],
      });
      await waitFor(async () => (await storyComponent()) === null, 20_000, 'the story to be unlinked');
      const gone = await architect.graphql(
        `query($c: ID!) { component(id: $c) { id } }`,
        { c: search.id },
        me,
      );
      expect(gone.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }, 90_000);

    it('resolves the component references of one request together: unknown and hidden ones are null', async () => {
      const receipts = await createContext('Receipts');
      const refunds = await createContext('Chargebacks');
      const representations = [receipts, randomUUID(), 'not-a-uuid', refunds, receipts].map((id) => ({
        __typename: 'Component',
        id,
      }));
      const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Component { name } } }`;
      const mine = await ok<{ _entities: ({ name: string } | null)[] }>(architect, query, {
        r: representations,
      });
      expect(mine._entities).toEqual([
        { name: 'Receipts' },
        null,
        null,
        { name: 'Chargebacks' },
        { name: 'Receipts' },
      ]);
      const stranger = projectIdentity(randomUUID(), 'ADMIN', 'mallory');
      const theirs = await ok<{ _entities: unknown[] }>(architect, query, { r: representations }, stranger);
      expect(theirs._entities).toEqual([null, null, null, null, null]);
    }, 30_000);
  });
}

architectSuite('architect with the stories service (embedded bus: Postgres source)', () => ({
  KAFKA_BROKERS: '',
}));

const brokers = process.env.KAFKA_BROKERS;
(brokers ? describe : describe.skip)('over Kafka', () => {
  architectSuite('architect with the stories service (Kafka bus)', () => ({
    KAFKA_BROKERS: brokers!,
    LOG_LEVEL: process.env.DEBUG_SERVICES ? 'debug' : 'warn',
  }));
});
