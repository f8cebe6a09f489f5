import { waitFor } from '@app/testing/wait-for';
import type { RunningSystem } from './system';

export interface Criterion {
  id: string;
  ref: string;
  description: string;
}

/** A valid component design of Shortener with these Test Assertions. */
export const component = (assertions: string[]) =>
  [
    '# Shortener',
    '## Purpose\n\nShortens URLs.',
    '## Public API\n\n`shorten(url: string): string`',
    '## Execution Flow\n\n1. Hash the URL\n2. Keep the first characters',
    `## Test Assertions\n\n${assertions.map((a) => `- ${a}`).join('\n')}`,
  ].join('\n\n');

/**
 * The Shortener project of the traceability tests, through the gateway: stories with criteria, a
 * Links context with a Shortener component, designs, test and code files of a code length, runs,
 * and the trace as `AC-n STATUS` lines. `system` gives the running system (started in beforeAll).
 */
export function shortenerKit(system: () => RunningSystem) {
  const ok = <T>(query: string, variables?: Record<string, unknown>) => system().ok<T>(query, variables);

  const testFile = (length: number, broken = false) => ({
    path: 'test/shortener.test.ts',
    content: [
      "import test from 'node:test';",
      "import assert from 'node:assert/strict';",
      "import { shorten } from '../src/shortener.ts';",
      `test('codes have ${length} characters', () => assert.equal(shorten('https://a.example').length, ${length}));`,
      "test('a URL keeps its code', () => assert.equal(shorten('https://a.example'), shorten('https://a.example')));",
      broken ? "test('logs each code', () => { assert.equal(" : '',
    ].join('\n'),
  });
  const codeFile = (length: number) => ({
    path: 'src/shortener.ts',
    content: `import { createHash } from 'node:crypto';\nexport const shorten = (url: string): string => createHash('sha256').update(url).digest('hex').slice(0, ${length});\n`,
  });
  const RUN_AS_EVIDENCE = `mutation($i: RunTestsInput!) { runTests(input: $i) { id } }`;
  const run = async (projectId: string, componentId: string, files: { path: string; content: string }[]) =>
    (
      await ok<{
        runTests: {
          id: string;
          outcome: string;
          evidence: string;
          evidenceReason: string;
          alignment: { designVersion: number | null; missing: string[] };
        };
      }>(
        `mutation($i: RunTestsInput!) { runTests(input: $i) { id outcome evidence evidenceReason
          alignment { designVersion assertions { assertion testName } missing } } }`,
        { i: { projectId, componentId, files } },
      )
    ).runTests;
  const statuses = async (projectId: string) =>
    (
      await ok<{
        traceability: { complete: boolean; criteria: { criterion: { ref: string }; status: string }[] };
      }>(
        `query($p: ID!) { traceability(projectId: $p) { complete criteria { criterion { ref } status } } }`,
        { p: projectId },
      )
    ).traceability.criteria.map((c) => `${c.criterion.ref} ${c.status}`);
  const until = (projectId: string, expected: string[], why: string) =>
    waitFor(async () => JSON.stringify(await statuses(projectId)) === JSON.stringify(expected), 30_000, why);

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

  /** Two stories (AC-1, AC-2 and AC-3); the first linked to a Shortener component of a Links context. */
  async function shortenerProject(projectId: string) {
    const shorten = await story(projectId, 'Shorten a URL', [
      'the code has 7 characters',
      'the same URL gets the same code',
    ]);
    const stats = await story(projectId, 'Count visits', ['each visit counts once']);
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
          await system().graphql(
            `mutation($i: LinkStoryToComponentInput!) { linkStoryToComponent(input: $i) { id } }`,
            { i: { storyId: shorten.id, componentId } },
          )
        ).errors === undefined,
      30_000,
      'the story to reach the architect',
    );
    return { shorten, stats, componentId };
  }

  return { ok, testFile, codeFile, RUN_AS_EVIDENCE, run, statuses, until, story, shortenerProject };
}
