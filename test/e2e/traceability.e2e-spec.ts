import { waitFor } from '@app/testing/wait-for';
import type { RunningSystem } from './system';
import { startSystem } from './system';

interface Criterion {
  id: string;
  ref: string;
  description: string;
}

const component = (assertions: string[]) =>
  [
    '# Shortener',
    '## Purpose\n\nShortens URLs.',
    '## Public API\n\n`shorten(url: string): string`',
    '## Execution Flow\n\n1. Hash the URL\n2. Keep the first characters',
    `## Test Assertions\n\n${assertions.map((a) => `- ${a}`).join('\n')}`,
  ].join('\n\n');

/** Criterion references through the gateway: designs must cite them, and a changed criterion makes the work stale. */
describe('traceability through the gateway', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem();
  }, 120_000);
  afterAll(() => system?.stop());

  const ok = <T>(query: string, variables?: Record<string, unknown>) => system.ok<T>(query, variables);

  async function story(projectId: string, title: string, criteria: string[]) {
    return (
      await ok<{ createStory: { id: string; acceptanceCriteria: Criterion[] } }>(
        `mutation($i: CreateStoryInput!) { createStory(input: $i) { id acceptanceCriteria { id ref description } } }`,
        {
          i: {
            projectId,
            title,
            description: `As a user I want ${title} so that it works`,
            acceptanceCriteria: criteria,
          },
        },
      )
    ).createStory;
  }

  it('refuses a design that leaves a criterion uncited or cites a foreign one, and marks the work DIRTY when a criterion changes', async () => {
    const projectId = (
      await ok<{ createProject: { id: string } }>(
        `mutation { createProject(input: { name: "Trace", description: "" }) { id } }`,
      )
    ).createProject.id;
    const shorten = await story(projectId, 'Shorten a URL', [
      'the code has 7 characters',
      'the same URL gets the same code',
    ]);
    const stats = await story(projectId, 'Count visits', ['each visit counts once']);
    expect([...shorten.acceptanceCriteria, ...stats.acceptanceCriteria].map((c) => c.ref)).toEqual([
      'AC-1',
      'AC-2',
      'AC-3',
    ]);
    const contextId = (
      await ok<{ createContext: { id: string } }>(
        `mutation($i: CreateContextInput!) { createContext(input: $i) { id } }`,
        { i: { projectId, name: 'Links', type: 'DOMAIN' } },
      )
    ).createContext.id;
    const componentId = (
      await ok<{ createComponent: { id: string } }>(
        `mutation($i: CreateComponentInput!) { createComponent(input: $i) { id } }`,
        { i: { projectId, parentId: contextId, name: 'Shortener', type: 'other' } },
      )
    ).createComponent.id;
    await waitFor(
      async () =>
        (
          await system.graphql(
            `mutation($i: LinkStoryToComponentInput!) { linkStoryToComponent(input: $i) { id } }`,
            { i: { storyId: shorten.id, componentId } },
          )
        ).errors === undefined,
      30_000,
      'the story to reach the architect',
    );

    const draft = component(['codes have 7 characters [AC-1]', 'counts a visit [AC-3]']);
    const checked = await ok<{
      validateDesign: { valid: boolean; errors: { code: string; message: string }[] };
    }>(
      `query($c: ID!, $m: String!) { validateDesign(componentId: $c, markdown: $m) { valid errors { code message } } }`,
      { c: componentId, m: draft },
    );
    expect(checked.validateDesign).toEqual({
      valid: false,
      errors: [
        {
          code: 'unknown-criterion',
          message: '[AC-3] is not an acceptance criterion of a story linked to Shortener',
        },
        {
          code: 'uncited-criterion',
          message:
            'AC-2 of "Shorten a URL" (the same URL gets the same code) is cited by no test assertion; end an assertion that verifies it with [AC-2]',
        },
      ],
    });

    const accepted = await ok<{ submitDesign: { valid: boolean; errors: unknown[] } }>(
      `mutation($i: SubmitDesignInput!) { submitDesign(input: $i) { valid errors { code } } }`,
      {
        i: {
          componentId,
          markdown: component([
            'codes have 7 characters [AC-1]',
            'a URL keeps its code [AC-2]',
            'logs each code',
          ]),
        },
      },
    );
    expect(accepted.submitDesign).toEqual({ valid: true, errors: [] });

    await ok(
      `mutation($i: UpdateAcceptanceCriterionInput!) { updateAcceptanceCriterion(input: $i) { id } }`,
      {
        i: {
          storyId: shorten.id,
          criterionId: shorten.acceptanceCriteria[0].id,
          description: 'the code has 8 characters',
        },
      },
    );
    await waitFor(
      async () =>
        (
          await ok<{ component: { designStatus: string } }>(
            `query($c: ID!) { component(id: $c) { designStatus } }`,
            {
              c: componentId,
            },
          )
        ).component.designStatus === 'DIRTY',
      20_000,
      'the component to become DIRTY after its criterion changed',
    );
    await waitFor(
      async () =>
        (
          await ok<{ story: { status: string } }>(`query($s: ID!) { story(id: $s) { status } }`, {
            s: shorten.id,
          })
        ).story.status === 'DIRTY',
      20_000,
      'the story to become DIRTY',
    );
    const untouched = await ok<{ story: { status: string } }>(`query($s: ID!) { story(id: $s) { status } }`, {
      s: stats.id,
    });
    expect(untouched.story.status).toBe('IN_PROGRESS');
  });
});
