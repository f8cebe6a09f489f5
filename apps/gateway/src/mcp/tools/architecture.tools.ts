import { z } from 'zod';
import type { McpTool } from './mcp-tool';
import { id, COMPONENT, one, CONTEXT_TYPES } from './mcp-tool';

/** Components, dependencies and the architecture. */
export const ARCHITECTURE_TOOLS: readonly McpTool[] = [
  {
    name: 'create_component',
    title: 'Create a context or component',
    description:
      'Use to add a bounded context (no parentId; type DOMAIN or COORDINATION) or a component inside a context (parentId; type schema, repository, module, ui, task or other).',
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
      'Use to say that one component depends on another; refused for self, duplicate, unknown, cross-project and any cycle (DEPENDENCY_CYCLE lists the path).',
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
    description: 'Use to remove a dependency of one component on another.',
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
      'Use to map a story onto the component that implements it (replace: true moves it from another), or with componentId null to unlink it.',
    input: {
      storyId: id('story'),
      componentId: z.string().nullable().describe('The component to map the story onto; null to unlink.'),
      unlinkComponentId: z
        .string()
        .optional()
        .describe('When unlinking: the component the story is mapped onto.'),
      replace: z.boolean().default(false).describe('Move the story if it is linked to another component.'),
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
            { i: { storyId: a.storyId, componentId: a.componentId, replace: a.replace } },
            'linkStoryToComponent',
          ),
  },
  {
    name: 'show_architecture',
    title: 'Show the architecture',
    description:
      'Use to see the whole architecture: contexts, components with their statuses, dependencies, layers (entry points first) and a Mermaid diagram.',
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
      "Use to judge the architecture's quality: a score and level, story coverage and findings such as a fan-out over 5.",
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
    description:
      'Use to find contexts that serve no story (no story-linked component reaches them): candidates to link or remove.',
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
      'Use after changing dependencies to check the graph: any cycle (with the names along it), the layers and the dependency findings.',
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
];
