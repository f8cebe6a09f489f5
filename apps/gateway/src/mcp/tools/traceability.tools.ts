import type { McpTool } from './mcp-tool';
import { id, one } from './mcp-tool';

/** Traceability: criterion → assertion → test → red run → green run. */
export const TRACEABILITY_TOOLS: readonly McpTool[] = [
  {
    name: 'get_traceability',
    title: 'Trace the acceptance criteria',
    description:
      'Use to check what is proven: every acceptance criterion to its design assertions, tests, red and green runs and commit, with the first gap of each.',
    input: { projectId: id('project') },
    run: (a, g) =>
      one(
        g,
        `query($p: ID!) { traceability(projectId: $p) {
          complete counts { status count }
          criteria { criterion { id ref description } story { id title } component { id name } assertions
            tests { name lastRedRunId lastRedAt lastGreenRunId lastGreenAt } commit status } } }`,
        { p: a.projectId },
        'traceability',
      ),
  },
];
