import type { Command } from '../command';
import { requireValue } from '../command';

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
  criteria: TracedCriterion[];
}

const TRACEABILITY = `query($p: ID!) { traceability(projectId: $p) {
  complete counts { status count }
  criteria { criterion { id ref description } story { id title } component { id name } assertions
    tests { name lastRedRunId lastRedAt lastGreenRunId lastGreenAt } commit status } } }`;

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
  usage: 'codemyspec trace --project <id> [--json]',
  help: [
    '--json    print the whole report as JSON',
    'Exits 1 when a criterion is not VERIFIED, so CI can gate on it.',
  ],
  options: { project: { type: 'string' }, json: { type: 'boolean' } },
  async run(context) {
    const projectId = requireValue(context, 'project');
    const { graphql } = await context.connect();
    const { traceability } = await graphql<{ traceability: Traceability }>(TRACEABILITY, { p: projectId });
    if (context.values.json) context.out(JSON.stringify(traceability, null, 2));
    else {
      for (const traced of traceability.criteria) context.out(line(traced));
      const counts = traceability.counts.filter((c) => c.count > 0).map((c) => `${c.count} ${c.status}`);
      context.out(
        `${traceability.complete ? '✓ complete' : '✗ incomplete'}: ${counts.join(', ') || 'no criteria'}`,
      );
    }
    return traceability.complete ? 0 : 1;
  },
};
