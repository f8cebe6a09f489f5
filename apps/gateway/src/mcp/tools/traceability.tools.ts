import type { McpTool } from './mcp-tool';
import { id, one } from './mcp-tool';

/** Traceability: criterion → assertion → test → red run → green run. */
export const TRACEABILITY_TOOLS: readonly McpTool[] = [
  {
    name: 'get_traceability',
    title: 'Trace the acceptance criteria',
    description:
      'For every acceptance criterion of the project: its story, the component it is linked through, the assertions of the accepted design that cite it ([AC-n]), the tests named after them with their last red and green runs, and a status (UNLINKED, UNCITED, UNTESTED, NOT_RED, NOT_GREEN, VERIFIED, DIRTY). complete is true when every criterion is VERIFIED.',
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
