import { z } from 'zod';
import type { McpTool } from './mcp-tool';
import { id, STORY, one } from './mcp-tool';

/** Stories and their acceptance criteria. */
export const STORY_TOOLS: readonly McpTool[] = [
  {
    name: 'create_story',
    title: 'Create a story',
    description:
      'Use to record a new user story ("As a … I want … So that …") with testable acceptance criteria; titles are unique per project.',
    input: {
      projectId: id('project'),
      title: z.string().min(1).describe('Short, unique within the project.'),
      description: z.string().default('').describe('As a <role> I want <goal> so that <benefit>.'),
      acceptanceCriteria: z.array(z.string()).default([]).describe('Testable criteria, one per item.'),
      tags: z.array(z.string()).default([]).describe('Free tags.'),
    },
    run: (a, g) =>
      one(
        g,
        `mutation($i: CreateStoryInput!) { createStory(input: $i) { ${STORY} } }`,
        { i: a },
        'createStory',
      ),
  },
  {
    name: 'update_story',
    title: 'Update a story',
    description:
      "Use to revise a story's title or description (pass the version you read: a stale one gets CONFLICT), or to set its status, tags or priority.",
    input: {
      id: id('story'),
      expectedVersion: z.number().int().optional().describe('The version the change is based on.'),
      title: z.string().optional(),
      description: z.string().optional(),
      status: z.enum(['IN_PROGRESS', 'COMPLETED', 'DIRTY']).optional(),
      tags: z.array(z.string()).optional(),
      priority: z.enum(['LOW', 'MEDIUM', 'HIGH', 'CRITICAL']).optional(),
    },
    run: async (a, g) => {
      if (a.title !== undefined || a.description !== undefined) {
        const expectedVersion =
          a.expectedVersion ??
          (
            await one<{ version: number }>(
              g,
              `query($id: ID!) { story(id: $id) { version } }`,
              { id: a.id },
              'story',
            )
          ).version;
        await g(`mutation($i: ReviseStoryInput!) { reviseStory(input: $i) { id } }`, {
          i: { id: a.id, expectedVersion, title: a.title, description: a.description },
        });
      }
      if (a.status !== undefined)
        await g(`mutation($i: SetStoryStatusInput!) { setStoryStatus(input: $i) { id } }`, {
          i: { id: a.id, status: a.status },
        });
      if (a.tags !== undefined)
        await g(`mutation($i: SetStoryTagsInput!) { setStoryTags(input: $i) { id } }`, {
          i: { id: a.id, tags: a.tags },
        });
      if (a.priority !== undefined)
        await g(`mutation($i: PrioritizeStoryInput!) { prioritizeStory(input: $i) { id } }`, {
          i: { id: a.id, priority: a.priority },
        });
      return one(g, `query($id: ID!) { story(id: $id) { ${STORY} } }`, { id: a.id }, 'story');
    },
  },
  {
    name: 'delete_story',
    title: 'Delete a story',
    description: 'Use to remove a story that is no longer wanted (its history stays on the timeline).',
    input: { id: id('story') },
    run: (a, g) => one(g, `mutation($id: ID!) { deleteStory(id: $id) }`, { id: a.id }, 'deleteStory'),
  },
  {
    name: 'get_story',
    title: 'Get a story',
    description:
      'Use to read one story with its criteria (and their AC- references) now, or as it stood at an earlier version.',
    input: {
      id: id('story'),
      atVersion: z.number().int().min(1).optional().describe('Time travel: the story at this version.'),
    },
    run: (a, g) =>
      one(
        g,
        `query($id: ID!, $v: Int) { story(id: $id, atVersion: $v) { ${STORY} } }`,
        { id: a.id, v: a.atVersion },
        'story',
      ),
  },
  {
    name: 'list_stories',
    title: 'List stories',
    description:
      'Use to find stories of a project, filtered by status, tag, component or text, a page at a time.',
    input: {
      projectId: id('project'),
      status: z.enum(['IN_PROGRESS', 'COMPLETED', 'DIRTY']).optional(),
      tag: z.string().optional(),
      componentId: z.string().optional(),
      search: z.string().optional().describe('Text in the title or description.'),
      first: z.number().int().min(1).max(100).default(50),
      after: z.string().optional().describe('The endCursor of the previous page.'),
    },
    run: (a, g) =>
      one(
        g,
        `query($p: ID!, $s: StoryStatus, $t: String, $c: ID, $q: String, $f: Int, $a: String) {
          stories(projectId: $p, status: $s, tag: $t, componentId: $c, search: $q, first: $f, after: $a) {
            totalCount pageInfo { hasNextPage endCursor } edges { node { ${STORY} } } } }`,
        { p: a.projectId, s: a.status, t: a.tag, c: a.componentId, q: a.search, f: a.first, a: a.after },
        'stories',
      ),
  },
  {
    name: 'add_criterion',
    title: 'Add an acceptance criterion',
    description: 'Use to add one testable acceptance criterion to a story; it gets the next AC- reference.',
    input: { storyId: id('story'), description: z.string().min(1) },
    run: (a, g) =>
      one(
        g,
        `mutation($i: AddAcceptanceCriterionInput!) { addAcceptanceCriterion(input: $i) { ${STORY} } }`,
        { i: a },
        'addAcceptanceCriterion',
      ),
  },
  {
    name: 'update_criterion',
    title: 'Update an acceptance criterion',
    description:
      'Use to reword an acceptance criterion or mark it verified; the components it reaches become dirty.',
    input: {
      storyId: id('story'),
      criterionId: id('criterion'),
      description: z.string().min(1).optional(),
      verified: z.literal(true).optional().describe('Mark the criterion verified.'),
    },
    run: async (a, g) => {
      const i = { storyId: a.storyId, criterionId: a.criterionId };
      if (a.description !== undefined)
        await g(
          `mutation($i: UpdateAcceptanceCriterionInput!) { updateAcceptanceCriterion(input: $i) { id } }`,
          { i: { ...i, description: a.description } },
        );
      if (a.verified)
        await g(
          `mutation($i: VerifyAcceptanceCriterionInput!) { verifyAcceptanceCriterion(input: $i) { id } }`,
          { i },
        );
      return one(g, `query($id: ID!) { story(id: $id) { ${STORY} } }`, { id: a.storyId }, 'story');
    },
  },
  {
    name: 'delete_criterion',
    title: 'Delete an acceptance criterion',
    description: 'Use to remove an acceptance criterion from a story; its AC- reference is never reused.',
    input: { storyId: id('story'), criterionId: id('criterion') },
    run: (a, g) =>
      one(
        g,
        `mutation($i: RemoveAcceptanceCriterionInput!) { removeAcceptanceCriterion(input: $i) { ${STORY} } }`,
        { i: a },
        'removeAcceptanceCriterion',
      ),
  },
];
