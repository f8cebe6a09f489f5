import type { Command } from '../command';
import { requireValue } from '../command';
import { componentOption, listOption, projectOption } from '../project-ref';
import { CliError } from '../cli-error';
// The one module of the kernel the CLI needs (a deep import keeps its start fast).
import { isTraceStatus, TRACE_STATUSES } from '@app/domain/values/trace-status';

interface TracedCriterion {
  criterion: { ref: string | null; description: string };
  story: { title: string };
  component: { name: string } | null;
  assertions: string[];
  tests: { name: string; lastRedRunId: string | null; lastGreenRunId: string | null }[];
  status: string;
}

interface Traceability {
  complete: boolean;
  counts: { status: string; count: number }[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  criteria: TracedCriterion[];
}

/**
 * Criteria per answer: a big project's report comes in pages, so no answer grows without bound.
 * A page of the full selection below costs about 28 per criterion against the gateway's limit of 10,000.
 */
const PAGE = 250;

const TRACEABILITY = `query($p: ID!, $c: ID, $s: [TraceStatus!], $f: Int, $a: String) {
  traceability(projectId: $p, componentId: $c, status: $s, first: $f, after: $a) {
  complete counts { status count } totalCount pageInfo { hasNextPage endCursor }
  criteria { criterion { id ref description } story { id title } component { id name } assertions
    tests { name lastRedRunId lastRedAt lastGreenRunId lastGreenAt } commit status } } }`;

/** The statuses asked for, upper-cased; a status that does not exist is a usage error (exit 2). */
function statuses(asked: string[]): string[] {
  const upper = asked.map((s) => s.toUpperCase());
  const unknown = upper.filter((s) => !isTraceStatus(s));
  if (unknown.length > 0)
    throw new CliError(`--status is one of ${TRACE_STATUSES.join(', ')} (not ${unknown.join(', ')})`, 2);
  return upper;
}

/** One line per criterion: reference, status, component and the evidence it has. */
function line(traced: TracedCriterion): string {
  const ref = (traced.criterion.ref ?? '(no ref)').padEnd(8);
  const status = traced.status.padEnd(10);
  const where = traced.component ? traced.component.name : `story "${traced.story.title}" is on no component`;
  const tests = traced.tests
    .map((t) => `${t.name} ${t.lastRedRunId ? 'red' : '-'}/${t.lastGreenRunId ? 'green' : '-'}`)
    .join('; ');
  return `${ref}${status}${where}${tests ? `  [${tests}]` : ''}  ${traced.criterion.description}`;
}

export const traceCommand: Command = {
  path: ['trace'],
  summary: 'Trace every acceptance criterion to its assertions, tests and red/green runs',
  usage: 'codemyspec trace --project <project> [--component <component>] [--status <s>]… [--json]',
  help: [
    'Exits 1 when a criterion in scope (the project, or the component) is not VERIFIED, so CI can gate on it.',
  ],
  options: {
    project: { type: 'string' },
    component: { type: 'string', description: "only the criteria of this component's stories" },
    status: {
      type: 'string',
      multiple: true,
      description:
        'only criteria in this status (repeat it): UNLINKED, UNCITED, UNTESTED, NOT_RED, NOT_GREEN, VERIFIED, DIRTY',
    },
    json: { type: 'boolean' },
  },
  async run(context) {
    requireValue(context, 'project');
    // Checked before connecting: a mistyped status is a usage error whatever the login.
    const wanted = context.values.status === undefined ? undefined : statuses(listOption(context, 'status'));
    const projectId = await projectOption(context);
    const variables = {
      p: projectId,
      c: typeof context.values.component === 'string' ? await componentOption(context) : undefined,
      s: wanted,
      f: PAGE,
    };
    const { graphql } = await context.connect();
    let report = (await graphql<{ traceability: Traceability }>(TRACEABILITY, variables)).traceability;
    const criteria = [...report.criteria];
    // A big report takes a second or more: say so on stderr (stdout stays the report alone).
    if (report.pageInfo.hasNextPage)
      context.err(`${report.totalCount} criteria: reading them in pages of ${PAGE} …`);
    while (report.pageInfo.hasNextPage) {
      const after = report.pageInfo.endCursor;
      report = (await graphql<{ traceability: Traceability }>(TRACEABILITY, { ...variables, a: after }))
        .traceability;
      criteria.push(...report.criteria);
    }
    const { complete, counts, totalCount } = report;
    if (context.values.json)
      context.out(JSON.stringify({ projectId, complete, counts, totalCount, criteria }, null, 2));
    else {
      for (const traced of criteria) context.out(line(traced));
      const nonZero = counts.filter((c) => c.count > 0).map((c) => `${c.count} ${c.status}`);
      context.out(`${complete ? '✓ complete' : '✗ incomplete'}: ${nonZero.join(', ') || 'no criteria'}`);
    }
    return complete ? 0 : 1;
  },
};
