import { z } from 'zod';
import type { McpTool } from './mcp-tool';
import { id, RUN, SESSION, one } from './mcp-tool';

/** Test runs and automated sessions. */
export const SESSION_TOOLS: readonly McpTool[] = [
  {
    name: 'run_tests',
    title: 'Run tests in the sandbox',
    description:
      'Use to run test files (and code) in the sandbox: red before the code exists, green after; the run is recorded as evidence (default command node --test).',
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
      asEvidence: z
        .boolean()
        .optional()
        .describe(
          'Refuse the run unless it can count as evidence: the component has an accepted design and a test is named after one of its assertions.',
        ),
    },
    run: (a, g) =>
      one(g, `mutation($i: RunTestsInput!) { runTests(input: $i) { ${RUN} } }`, { i: a }, 'runTests'),
  },
  {
    name: 'start_session',
    title: 'Start an automated session',
    description:
      'Use to let the configured LLM do a step of the method for a component in the background: DESIGN, COMPONENT_DESIGNS (a context), TESTS or CODE.',
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
    description:
      'Use to follow an automated session: its steps, LLM calls (with their context items), budget and child sessions.',
    input: { id: id('session') },
    run: (a, g) => one(g, `query($id: ID!) { session(id: $id) { ${SESSION} } }`, { id: a.id }, 'session'),
  },
];
