import { randomUUID } from 'node:crypto';
import type { Identity } from '@app/domain';
import type { ServiceHarness } from '@app/testing/service-harness';
import { projectIdentity, startServiceHarness } from '@app/testing/service-harness';
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
});
