import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Identity } from '@app/domain';
import type { ServiceHarness } from '@app/testing/service-harness';
import { projectIdentity, startServiceHarness } from '@app/testing/service-harness';
import { writeLegacyStory } from '../../../test/support/legacy-story';
import { StoriesModule } from './stories.module';

interface Criterion {
  id: string;
  ref: string | null;
  description: string;
}

/** Criterion references (AC-<n>) issued by the stories service, against a real PostgreSQL. */
describe('criterion references', () => {
  let service: ServiceHarness;

  beforeAll(async () => {
    service = await startServiceHarness('stories', (config) => StoriesModule.register(config));
  });
  afterAll(() => service.close());

  async function project(): Promise<Identity> {
    const created = await service.graphql<{ createProject: { id: string } }>(
      `mutation($name: String!) { createProject(input: { name: $name, description: "d" }) { id } }`,
      { name: `Refs ${randomUUID()}` },
    );
    expect(created.errors).toBeUndefined();
    return projectIdentity(created.data!.createProject.id, 'EDITOR', 'alice');
  }

  async function story(
    as: Identity,
    criteria: string[],
  ): Promise<{ id: string; acceptanceCriteria: Criterion[] }> {
    const created = await service.graphql<{ createStory: { id: string; acceptanceCriteria: Criterion[] } }>(
      `mutation($input: CreateStoryInput!) { createStory(input: $input) { id acceptanceCriteria { id ref description } } }`,
      {
        input: {
          projectId: as.projectId,
          title: `Story ${randomUUID()}`,
          description: 'As a user I want it so that it works',
          acceptanceCriteria: criteria,
        },
      },
      as,
    );
    expect(created.errors).toBeUndefined();
    return created.data!.createStory;
  }

  async function addCriterion(as: Identity, storyId: string, description: string) {
    return service.graphql<{ addAcceptanceCriterion: { acceptanceCriteria: Criterion[] } }>(
      `mutation($s: ID!, $d: String!) { addAcceptanceCriterion(input: { storyId: $s, description: $d }) { acceptanceCriteria { id ref description } } }`,
      { s: storyId, d: description },
      as,
    );
  }

  it('numbers criteria across the stories of a project, and each project on its own', async () => {
    const alice = await project();
    const first = await story(alice, ['one', 'two']);
    const second = await story(alice, ['three']);
    expect(first.acceptanceCriteria.map((c) => c.ref)).toEqual(['AC-1', 'AC-2']);
    expect(second.acceptanceCriteria.map((c) => c.ref)).toEqual(['AC-3']);
    const other = await story(await project(), ['elsewhere']);
    expect(other.acceptanceCriteria.map((c) => c.ref)).toEqual(['AC-1']);
  });

  it('never reuses the reference of a removed criterion', async () => {
    const alice = await project();
    const created = await story(alice, ['one', 'two']);
    const removed = await service.graphql(
      `mutation($s: ID!, $c: ID!) { removeAcceptanceCriterion(input: { storyId: $s, criterionId: $c }) { id } }`,
      { s: created.id, c: created.acceptanceCriteria[1].id },
      alice,
    );
    expect(removed.errors).toBeUndefined();
    const added = await addCriterion(alice, created.id, 'three');
    expect(added.data!.addAcceptanceCriterion.acceptanceCriteria.map((c) => c.ref)).toEqual(['AC-1', 'AC-3']);
  });

  it('gives concurrent additions distinct references, without gaps', async () => {
    const alice = await project();
    const stories = await Promise.all([story(alice, []), story(alice, [])]);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => addCriterion(alice, stories[i % 2].id, `criterion ${i}`)),
    );
    for (const result of results) expect(result.errors).toBeUndefined();
    const refs = results.map((r) => r.data!.addAcceptanceCriterion.acceptanceCriteria.at(-1)!.ref);
    expect([...refs].sort((a, b) => Number(a!.slice(3)) - Number(b!.slice(3)))).toEqual(
      Array.from({ length: 12 }, (_, i) => `AC-${i + 1}`),
    );
  });

  it('keeps the references of an imported user_stories.md the project never issued, and renumbers the rest', async () => {
    const alice = await project();
    await story(alice, ['one', 'two']); // issues AC-1, AC-2
    const markdown = [
      '## Imported',
      '',
      '### Acceptance Criteria',
      '',
      '- AC-2: issued here already',
      '- AC-7: never issued here',
      '- no reference',
    ].join('\n');
    const imported = await service.graphql<{ importStoriesMarkdown: { acceptanceCriteria: Criterion[] }[] }>(
      `mutation($p: ID!, $m: String!) { importStoriesMarkdown(projectId: $p, markdown: $m) { acceptanceCriteria { ref description } } }`,
      { p: alice.projectId, m: markdown },
      alice,
    );
    expect(imported.errors).toBeUndefined();
    expect(imported.data!.importStoriesMarkdown[0].acceptanceCriteria).toEqual([
      { ref: 'AC-8', description: 'issued here already' },
      { ref: 'AC-7', description: 'never issued here' },
      { ref: 'AC-9', description: 'no reference' },
    ]);
    const exported = await service.graphql<{ exportStoriesMarkdown: string }>(
      `query($p: ID!) { exportStoriesMarkdown(projectId: $p) }`,
      { p: alice.projectId },
      alice,
    );
    expect(exported.data!.exportStoriesMarkdown).toContain(
      '- AC-7: never issued here\n- AC-9: no reference\n',
    );
  });

  it('issues nothing when the story is refused', async () => {
    const alice = await project();
    const refused = await service.graphql(
      `mutation($input: CreateStoryInput!) { createStory(input: $input) { id } }`,
      { input: { projectId: alice.projectId, title: '  ', description: 'd', acceptanceCriteria: ['lost'] } },
      alice,
    );
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await story(alice, ['kept'])).acceptanceCriteria.map((c) => c.ref)).toEqual(['AC-1']);
  });

  describe('for criteria an older version recorded without one (assignCriterionRefs)', () => {
    const legacy = (as: Identity, title: string, criteria: string[]) =>
      writeLegacyStory(service.app.get(DataSource), as.projectId!, title, criteria);
    const assign = (as: Identity, projectId = as.projectId) =>
      service.graphql<{ assignCriterionRefs: number }>(
        `mutation($p: ID!) { assignCriterionRefs(projectId: $p) }`,
        { p: projectId },
        as,
      );
    const storyOf = async (as: Identity, id: string) =>
      (
        await service.graphql<{ story: { version: number; acceptanceCriteria: Criterion[] } }>(
          `query($id: ID!) { story(id: $id) { version acceptanceCriteria { id ref description } } }`,
          { id },
          as,
        )
      ).data!.story;

    it('numbers them after what the project issued, oldest story first, once; text stays', async () => {
      const alice = await project();
      const older = await legacy(alice, 'Invoice totals', ['sums lines', 'empty is zero']);
      const newer = await legacy(alice, 'Refunds', ['refund reverses a payment']);
      expect((await story(alice, ['a receipt lists the lines'])).acceptanceCriteria[0].ref).toBe('AC-1');
      const before = await storyOf(alice, older.storyId);

      const result = await assign(alice);
      expect(result.errors).toBeUndefined();
      expect(result.data!.assignCriterionRefs).toBe(3);
      const after = await storyOf(alice, older.storyId);
      expect(after.acceptanceCriteria).toEqual(
        before.acceptanceCriteria.map((c, i) => ({ ...c, ref: `AC-${i + 2}` })),
      );
      expect(after.version).toBe(before.version + 1);
      expect((await storyOf(alice, newer.storyId)).acceptanceCriteria.map((c) => c.ref)).toEqual(['AC-4']);

      // Nothing left to give; a new criterion goes on from the last number issued.
      expect((await assign(alice)).data!.assignCriterionRefs).toBe(0);
      const added = await addCriterion(alice, newer.storyId, 'a refund is logged');
      expect(added.data!.addAcceptanceCriterion.acceptanceCriteria.map((c) => c.ref)).toEqual([
        'AC-4',
        'AC-5',
      ]);
      const history = await service.graphql<{ storyHistory: { type: string; actor: string }[] }>(
        `query($id: ID!) { storyHistory(id: $id) { type actor } }`,
        { id: older.storyId },
        alice,
      );
      expect(history.data!.storyHistory.at(-1)).toEqual({
        type: 'AcceptanceCriteriaReferenced',
        actor: 'alice',
      });
      const exported = await service.graphql<{ exportStoriesMarkdown: string }>(
        `query($p: ID!) { exportStoriesMarkdown(projectId: $p) }`,
        { p: alice.projectId },
        alice,
      );
      expect(exported.data!.exportStoriesMarkdown).toContain('- AC-2: sums lines\n- AC-3: empty is zero\n');
    });

    it('is refused to a VIEWER and, for another project, answered as if it did not exist', async () => {
      const alice = await project();
      await legacy(alice, 'Invoice totals', ['sums lines']);
      const viewer = projectIdentity(alice.projectId!, 'VIEWER', 'vic');
      expect((await assign(viewer)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const foreign = await assign(await project(), alice.projectId);
      expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(JSON.stringify(foreign.errors)).not.toContain('Invoice');
      expect((await assign(alice)).data!.assignCriterionRefs).toBe(1);
    });
  });
});
