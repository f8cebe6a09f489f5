import { z } from 'zod';
import type { GraphqlCall } from './gateway-graphql-client';

/** One MCP tool: its schema, and the GraphQL operation(s) it runs for the caller. */
export interface McpTool {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly input: z.ZodRawShape;
  run(args: Record<string, unknown>, graphql: GraphqlCall): Promise<unknown>;
}

const id = (what: string) => z.string().min(1).describe(`The ${what}'s id.`);

const STORY = `id projectId title description status priority version tags
  acceptanceCriteria { id description verified } component { id name } createdAt updatedAt`;
const COMPONENT = `id projectId parentId name type description moduleName designStatus testStatus codeStatus
  acceptedDesignVersion stories { id title } dependencies { id name } dependents { id name }`;
const DESIGN = `id componentId version valid accepted errors { code message section } proposedComponents testAssertions markdown`;
const RUN = `id outcome exitCode durationMs testsPassed testsFailed driver killedBy tests { name status message failureKind } output`;
const SESSION = `id type status componentId componentName parentId reason summary commit
  steps { name attempt status startedAt finishedAt detail }
  llmCalls { id step model promptTokens completionTokens contextHash items { kind source version sha256 tokens } }
  budget { maxLlmCalls maxTokens llmCallsUsed tokensUsed } children { id componentName status }`;
const PROMPT = `id kind subjectId text contextHash items { kind source version sha256 tokens }`;

async function one<T>(
  graphql: GraphqlCall,
  query: string,
  variables: Record<string, unknown>,
  field: string,
): Promise<T> {
  const data = await graphql<Record<string, T>>(query, variables);
  return data[field];
}

const CONTEXT_TYPES = ['DOMAIN', 'COORDINATION'];

/**
 * The CodeMySpec tools (snake_case, as API.md names them), each a thin adapter over the public
 * GraphQL API.
 */
export const MCP_TOOLS: readonly McpTool[] = [
  {
    name: 'create_project',
    title: 'Create a project',
    description: 'Creates a project (admin token only). Returns its id.',
    input: {
      name: z.string().min(1).describe('Project name.'),
      description: z.string().default('').describe('What the project is.'),
    },
    run: (a, g) =>
      one(
        g,
        `mutation($i: CreateProjectInput!) { createProject(input: $i) { id name description createdAt } }`,
        { i: { name: a.name, description: a.description } },
        'createProject',
      ),
  },
  {
    name: 'list_projects',
    title: 'List projects',
    description: 'The projects this token can see (all for the admin token, else its own).',
    input: {},
    run: (_a, g) => one(g, `{ projects { id name description archived createdAt } }`, {}, 'projects'),
  },
  {
    name: 'create_story',
    title: 'Create a story',
    description:
      'Creates a user story ("As a … I want … So that …") with acceptance criteria. Titles are unique per project.',
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
      'Revises the title and/or description (with the version you read: a stale one gets CONFLICT; omitted, the current one is used), and/or sets status, tags or priority.',
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
    description: 'Deletes a story (its history stays).',
    input: { id: id('story') },
    run: (a, g) => one(g, `mutation($id: ID!) { deleteStory(id: $id) }`, { id: a.id }, 'deleteStory'),
  },
  {
    name: 'get_story',
    title: 'Get a story',
    description: 'A story now, or as it stood at a version.',
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
    description: 'Stories of a project, filtered by status, tag, component or text, with cursor pagination.',
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
    description: 'Adds a testable acceptance criterion to a story.',
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
    description: 'Rewords a criterion and/or marks it verified.',
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
    description: 'Removes a criterion from a story.',
    input: { storyId: id('story'), criterionId: id('criterion') },
    run: (a, g) =>
      one(
        g,
        `mutation($i: RemoveAcceptanceCriterionInput!) { removeAcceptanceCriterion(input: $i) { ${STORY} } }`,
        { i: a },
        'removeAcceptanceCriterion',
      ),
  },
  {
    name: 'start_story_interview',
    title: 'Start a story interview',
    description:
      "A product-manager prompt to find the project's stories with the user, embedding the current stories (recorded).",
    input: { projectId: id('project') },
    run: (a, g) =>
      one(
        g,
        `mutation($s: ID!) { issuePrompt(kind: STORY_INTERVIEW, subjectId: $s) { ${PROMPT} } }`,
        { s: a.projectId },
        'issuePrompt',
      ),
  },
  {
    name: 'start_story_review',
    title: 'Start a story review',
    description:
      'A product-manager prompt to review one story with its author, embedding the story, its deterministic review and the other titles (recorded).',
    input: { storyId: id('story') },
    run: (a, g) =>
      one(
        g,
        `mutation($s: ID!) { issuePrompt(kind: STORY_REVIEW, subjectId: $s) { ${PROMPT} } }`,
        { s: a.storyId },
        'issuePrompt',
      ),
  },
  {
    name: 'start_context_design',
    title: 'Start a context design',
    description:
      'An architect prompt to design one bounded context, embedding its components, dependencies, stories and template (recorded).',
    input: { componentId: id('context') },
    run: (a, g) =>
      one(
        g,
        `mutation($s: ID!) { issuePrompt(kind: CONTEXT_DESIGN, subjectId: $s) { ${PROMPT} } }`,
        { s: a.componentId },
        'issuePrompt',
      ),
  },
  {
    name: 'review_story_with_ai',
    title: 'Review a story with the LLM',
    description:
      'A structured review (score, findings with rule ids) by the configured LLM, recorded; the deterministic review without one.',
    input: { storyId: id('story') },
    run: (a, g) =>
      one(
        g,
        `mutation($id: ID!) { reviewStoryWithAi(id: $id) { id storyId storyVersion source fallbackReason score findings { rule severity message } } }`,
        { id: a.storyId },
        'reviewStoryWithAi',
      ),
  },
  {
    name: 'create_component',
    title: 'Create a context or component',
    description:
      'Without parentId, a bounded context (type DOMAIN or COORDINATION); with parentId, a component of that context (type schema, repository, module, ui, task or other).',
    input: {
      projectId: id('project'),
      parentId: z.string().optional().describe('The context the component lives in; omit for a context.'),
      name: z.string().min(1).describe('Unique in the project; modules use dotted PascalCase.'),
      type: z
        .string()
        .min(1)
        .describe(
          'DOMAIN or COORDINATION for a context; schema, repository, module, ui, task or other for a component.',
        ),
      description: z.string().default(''),
    },
    run: (a, g) =>
      a.parentId === undefined
        ? one(
            g,
            `mutation($i: CreateContextInput!) { createContext(input: $i) { ${COMPONENT} } }`,
            {
              i: {
                projectId: a.projectId,
                name: a.name,
                type: CONTEXT_TYPES.includes(String(a.type).toUpperCase())
                  ? String(a.type).toUpperCase()
                  : a.type,
                description: a.description,
              },
            },
            'createContext',
          )
        : one(
            g,
            `mutation($i: CreateComponentInput!) { createComponent(input: $i) { ${COMPONENT} } }`,
            { i: a },
            'createComponent',
          ),
  },
  {
    name: 'create_dependency',
    title: 'Add a dependency',
    description:
      'from depends on to. Refuses self, duplicate, unknown, cross-project and any cycle (DEPENDENCY_CYCLE lists the path).',
    input: { fromId: id('dependent component'), toId: id('component depended on') },
    run: (a, g) =>
      one(
        g,
        `mutation($i: AddDependencyInput!) { addDependency(input: $i) { ${COMPONENT} } }`,
        { i: a },
        'addDependency',
      ),
  },
  {
    name: 'delete_dependency',
    title: 'Remove a dependency',
    description: 'Removes the dependency of from on to.',
    input: { fromId: id('dependent component'), toId: id('component depended on') },
    run: (a, g) =>
      one(
        g,
        `mutation($i: RemoveDependencyInput!) { removeDependency(input: $i) { ${COMPONENT} } }`,
        { i: a },
        'removeDependency',
      ),
  },
  {
    name: 'set_story_component',
    title: 'Map a story onto a component',
    description:
      'Links the story to the component; with componentId null, unlinks it from unlinkComponentId.',
    input: {
      storyId: id('story'),
      componentId: z.string().nullable().describe('The component to map the story onto; null to unlink.'),
      unlinkComponentId: z
        .string()
        .optional()
        .describe('When unlinking: the component the story is mapped onto.'),
    },
    run: (a, g) =>
      a.componentId === null
        ? one(
            g,
            `mutation($i: UnlinkStoryFromComponentInput!) { unlinkStoryFromComponent(input: $i) { ${COMPONENT} } }`,
            { i: { storyId: a.storyId, componentId: a.unlinkComponentId } },
            'unlinkStoryFromComponent',
          )
        : one(
            g,
            `mutation($i: LinkStoryToComponentInput!) { linkStoryToComponent(input: $i) { ${COMPONENT} } }`,
            { i: { storyId: a.storyId, componentId: a.componentId } },
            'linkStoryToComponent',
          ),
  },
  {
    name: 'show_architecture',
    title: 'Show the architecture',
    description: 'Contexts, components, dependencies, layers (entry points first) and a Mermaid flowchart.',
    input: { projectId: id('project') },
    run: (a, g) =>
      one(
        g,
        `query($p: ID!) { architecture(projectId: $p) { components { id name type parentId designStatus testStatus codeStatus }
        dependencies { from { name } to { name } } layers { name } orphanedContexts { name } mermaid } }`,
        { p: a.projectId },
        'architecture',
      ),
  },
  {
    name: 'architecture_health_summary',
    title: 'Architecture health',
    description:
      'Score, level (excellent, good, fair, poor), story coverage and findings such as fan-out over 5.',
    input: { projectId: id('project') },
    run: (a, g) =>
      one(
        g,
        `query($p: ID!) { architecture(projectId: $p) { health { score level storyCoverage findings { rule severity componentId message } } } }`,
        { p: a.projectId },
        'architecture',
      ),
  },
  {
    name: 'orphaned_contexts',
    title: 'Orphaned contexts',
    description: 'Contexts with no stories that no story-linked component reaches.',
    input: { projectId: id('project') },
    run: async (a, g) =>
      (
        await one<{ orphanedContexts: unknown }>(
          g,
          `query($p: ID!) { architecture(projectId: $p) { orphanedContexts { id name type description } } }`,
          { p: a.projectId },
          'architecture',
        )
      ).orphanedContexts,
  },
  {
    name: 'validate_dependency_graph',
    title: 'Validate the dependency graph',
    description:
      "Checks the graph with the architect's own rules: any cycle (with the names along it), the layers, and the health findings about dependencies.",
    input: { projectId: id('project') },
    run: async (a, g) => {
      const arch = await one<{
        components: unknown[];
        dependencies: unknown[];
        cycle: string[];
        layers: { name: string }[][];
        health: { findings: unknown[] };
      }>(
        g,
        `query($p: ID!) { architecture(projectId: $p) { components { id } dependencies { from { name } to { name } } cycle layers { name } health { findings { rule severity message } } } }`,
        { p: a.projectId },
        'architecture',
      );
      return {
        acyclic: arch.cycle.length === 0,
        cycle: arch.cycle,
        components: arch.components.length,
        dependencies: arch.dependencies.length,
        layers: arch.layers.map((layer) => layer.map((c) => c.name)),
        findings: arch.health.findings,
      };
    },
  },
  {
    name: 'submit_design',
    title: 'Submit a design',
    description: 'Stores a design version (valid or not, with its errors); the newest valid one is accepted.',
    input: {
      componentId: id('component'),
      markdown: z.string().min(1).describe('The design document (see the design template resources).'),
    },
    run: (a, g) =>
      one(
        g,
        `mutation($i: SubmitDesignInput!) { submitDesign(input: $i) { ${DESIGN} } }`,
        { i: a },
        'submitDesign',
      ),
  },
  {
    name: 'get_design',
    title: 'Get a design',
    description:
      'A version of the design, or the accepted one without a version; with history, every version.',
    input: {
      componentId: id('component'),
      version: z.number().int().min(1).optional(),
      history: z.boolean().default(false),
    },
    run: (a, g) =>
      a.history
        ? one(
            g,
            `query($c: ID!) { designHistory(componentId: $c) { ${DESIGN} } }`,
            { c: a.componentId },
            'designHistory',
          )
        : one(
            g,
            `query($c: ID!, $v: Int) { design(componentId: $c, version: $v) { ${DESIGN} } }`,
            { c: a.componentId, v: a.version },
            'design',
          ),
  },
  {
    name: 'get_context_bundle',
    title: 'Get a context bundle',
    description: 'Exactly what a TESTS or CODE session would give the LLM, as markdown with its items.',
    input: { componentId: id('component'), purpose: z.enum(['TESTS', 'CODE']) },
    run: (a, g) =>
      one(
        g,
        `query($c: ID!, $p: ContextPurpose!) { contextBundle(componentId: $c, purpose: $p) { markdown contextHash items { kind source version sha256 tokens } } }`,
        { c: a.componentId, p: a.purpose },
        'contextBundle',
      ),
  },
  {
    name: 'run_tests',
    title: 'Run tests in the sandbox',
    description:
      'Runs the files (tests, and code if any) in the sandbox and records the run as red/green evidence. Default command: node --test.',
    input: {
      projectId: id('project'),
      componentId: id('component'),
      files: z
        .array(
          z.object({
            path: z.string().describe('Relative; no absolute paths, no "..".'),
            content: z.string(),
          }),
        )
        .min(1),
      command: z.string().optional().describe('Run without a shell, e.g. "node --test test/".'),
    },
    run: (a, g) =>
      one(g, `mutation($i: RunTestsInput!) { runTests(input: $i) { ${RUN} } }`, { i: a }, 'runTests'),
  },
  {
    name: 'start_session',
    title: 'Start an automated session',
    description:
      'DESIGN, COMPONENT_DESIGNS (for a context), TESTS or CODE, driven by the configured LLM in the background (LLM_NOT_CONFIGURED without one).',
    input: {
      componentId: id('component'),
      type: z.enum(['DESIGN', 'COMPONENT_DESIGNS', 'TESTS', 'CODE']),
      maxIterations: z.number().int().min(1).max(20).optional().describe('Revisions or fix attempts.'),
    },
    run: (a, g) =>
      one(
        g,
        `mutation($i: StartSessionInput!) { startSession(input: $i) { ${SESSION} } }`,
        { i: a },
        'startSession',
      ),
  },
  {
    name: 'get_session',
    title: 'Get a session',
    description: 'A session with its steps, LLM calls (and their context items), budget and children.',
    input: { id: id('session') },
    run: (a, g) => one(g, `query($id: ID!) { session(id: $id) { ${SESSION} } }`, { id: a.id }, 'session'),
  },
];
