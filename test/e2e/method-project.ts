import { waitFor } from '@app/testing/wait-for';
import type { RunningSystem } from './system';

/**
 * A project ready for automated sessions: a story linked to a "Totals" component of a "Billing"
 * context, the link settled on both sides (the architect's and the story's), so every session
 * starts from settled facts.
 */
export async function createMethodProject(
  system: RunningSystem,
  name: string,
  description = 'Invoice totals',
) {
  const ok = <T>(query: string, variables?: Record<string, unknown>) => system.ok<T>(query, variables);
  const projectId = (
    await ok<{ createProject: { id: string } }>(
      `mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }`,
      { i: { name, description: '' } },
    )
  ).createProject.id;
  const storyId = (
    await ok<{ createStory: { id: string } }>(
      `mutation($i: CreateStoryInput!) { createStory(input: $i) { id } }`,
      {
        i: {
          projectId,
          title: 'Invoice totals',
          description: 'As a clerk I want invoice totals so that I can bill',
          acceptanceCriteria: ['the total is the sum of price times quantity'],
        },
      },
    )
  ).createStory.id;
  const contextId = (
    await ok<{ createContext: { id: string } }>(
      `mutation($i: CreateContextInput!) { createContext(input: $i) { id } }`,
      {
        i: { projectId, name: 'Billing', type: 'DOMAIN' },
      },
    )
  ).createContext.id;
  const componentId = (
    await ok<{ createComponent: { id: string } }>(
      `mutation($i: CreateComponentInput!) { createComponent(input: $i) { id } }`,
      {
        i: { projectId, parentId: contextId, name: 'Totals', type: 'other', description },
      },
    )
  ).createComponent.id;
  await waitFor(
    async () =>
      (
        await system.graphql(
          `mutation($i: LinkStoryToComponentInput!) { linkStoryToComponent(input: $i) { id } }`,
          {
            i: { storyId, componentId },
          },
        )
      ).errors === undefined,
    30_000,
    'the story to reach the architect',
  );
  // …and the link to come back to the stories service (the story's next version), so every
  // session below starts from settled facts.
  await waitFor(
    async () =>
      (
        await ok<{ story: { componentId: string | null } }>(
          `query($id: ID!) { story(id: $id) { componentId } }`,
          { id: storyId },
        )
      ).story.componentId === componentId,
    30_000,
    'the link on the story',
  );
  return { projectId, storyId, contextId, componentId };
}
