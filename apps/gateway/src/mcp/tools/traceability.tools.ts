import { z } from 'zod';
import type { McpTool } from './mcp-tool';
import { id, one } from './mcp-tool';
import { TRACE_STATUSES } from '@app/domain';

/** Traceability: criterion → assertion → test → red run → green run. */
export const TRACEABILITY_TOOLS: readonly McpTool[] = [
  {
    name: 'get_traceability',
    title: 'Trace the acceptance criteria',
    description:
      'Use to check what is proven: every acceptance criterion to its design assertions, tests, red and green runs and commit, with the first gap of each. Narrow it to a component or to statuses; page with after = pageInfo.endCursor.',
    input: {
      projectId: id('project'),
      componentId: z.string().optional().describe("Only this component's criteria."),
      status: z
        .array(z.enum([...TRACE_STATUSES]))
        .optional()
        .describe('Only criteria in these statuses, e.g. ["UNCITED", "NOT_RED"] for the gaps.'),
      first: z.number().int().min(0).max(300).default(100), // 300 × this selection stays under the gateway's cost limit
      after: z.string().optional().describe('The pageInfo.endCursor of the previous page.'),
    },
    run: (a, g) =>
      one(
        g,
        `query($p: ID!, $c: ID, $s: [TraceStatus!], $f: Int, $a: String) {
          traceability(projectId: $p, componentId: $c, status: $s, first: $f, after: $a) {
          complete counts { status count } totalCount pageInfo { hasNextPage endCursor }
          criteria { criterion { id ref description } story { id title } component { id name } assertions
            tests { name lastRedRunId lastRedAt lastGreenRunId lastGreenAt } commit status } } }`,
        { p: a.projectId, c: a.componentId, s: a.status, f: a.first, a: a.after },
        'traceability',
      ),
  },
];
