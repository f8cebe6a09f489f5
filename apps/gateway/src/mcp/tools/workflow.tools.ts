import { z } from 'zod';
import type { McpTool } from './mcp-tool';
import { id, one } from './mcp-tool';

/** What to do next, the components as a list, a draft check, and the project's audit timeline. */
export const WORKFLOW_TOOLS: readonly McpTool[] = [
  {
    name: 'next_actions',
    title: 'Next actions',
    description:
      'Use first when you do not know what to do next in a project: for each component, the next step of the method (design, tests, code, regenerate…) and why.',
    input: { projectId: id('project') },
    run: (a, g) =>
      one(
        g,
        `query($p: ID!) { nextActions(projectId: $p) { action reason component { id name type designStatus testStatus codeStatus dirtyCauses { kind summary } } } }`,
        { p: a.projectId },
        'nextActions',
      ),
  },
  {
    name: 'list_components',
    title: 'List the components',
    description:
      'Use to find a component or context id by name, and to see each one’s design, test and code status and why it is dirty, if it is.',
    input: { projectId: id('project') },
    run: async (a, g) =>
      (
        await one<{ components: unknown[] }>(
          g,
          `query($p: ID!) { architecture(projectId: $p) { components { id name type parentId description designStatus testStatus codeStatus dirtyCauses { kind summary } acceptedDesignVersion } } }`,
          { p: a.projectId },
          'architecture',
        )
      ).components,
  },
  {
    name: 'validate_design',
    title: 'Validate a design draft',
    description:
      'Use before submit_design to check a draft against the template, the criteria it must cite and the architecture, without storing anything; fix every error it lists.',
    input: {
      componentId: id('component'),
      markdown: z.string().min(1).describe('The whole design document.'),
    },
    run: (a, g) =>
      one(
        g,
        `query($c: ID!, $m: String!) { validateDesign(componentId: $c, markdown: $m) { valid errors { code message section } proposedComponents testAssertions } }`,
        { c: a.componentId, m: a.markdown },
        'validateDesign',
      ),
  },
  {
    name: 'get_timeline',
    title: 'Read the audit timeline',
    description:
      'Use to see what happened in a project and who did it: every event of every service in order, newest page first with a cursor for more.',
    input: {
      projectId: id('project'),
      first: z.number().int().min(1).max(200).default(50).describe('How many events.'),
      after: z.string().optional().describe('The endCursor of the previous page.'),
    },
    run: (a, g) =>
      one(
        g,
        `query($p: ID!, $f: Int, $a: String) { projectTimeline(projectId: $p, first: $f, after: $a) { totalCount pageInfo { hasNextPage endCursor } edges { node { service type streamId version occurredAt actor data } } } }`,
        { p: a.projectId, f: a.first, a: a.after },
        'projectTimeline',
      ),
  },
];
