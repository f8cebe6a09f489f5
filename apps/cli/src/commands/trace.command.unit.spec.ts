import type { CommandContext } from '../command';
import { traceCommand } from './trace.command';

/** A report of `total` criteria, served `size` at a time with offset cursors, as the gateway does. */
function pagedReport(total: number, size: number) {
  const asked: Record<string, unknown>[] = [];
  const graphql = async (_query: string, variables: Record<string, unknown>) => {
    asked.push(variables);
    const from = variables.a === undefined ? 0 : Number(variables.a);
    const to = Math.min(total, from + size);
    return {
      traceability: {
        complete: true,
        counts: [{ status: 'VERIFIED', count: total }],
        totalCount: total,
        pageInfo: { hasNextPage: to < total, endCursor: String(to) },
        criteria: Array.from({ length: to - from }, (_, i) => ({
          criterion: { ref: `AC-${from + i + 1}`, description: `criterion ${from + i + 1}` },
          story: { title: 'Pay' },
          component: { name: 'Payments' },
          assertions: [],
          tests: [],
          status: 'VERIFIED',
        })),
      },
    };
  };
  return { asked, graphql };
}

function contextFor(graphql: unknown, values: CommandContext['values']) {
  const out: string[] = [];
  const err: string[] = [];
  const context: CommandContext = {
    positionals: [],
    values,
    connect: async () => ({ config: {} as never, graphql: graphql as never }),
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    stdin: async () => '',
    isTTY: false,
    json: Boolean(values.json),
  };
  return { context, out, err };
}

/** A project given by id (a name would be looked up first). */
const PROJECT = '00000000-0000-4000-8000-0000000000a1';

describe('codemyspec trace', () => {
  it('reads every page of a big report, says on stderr that it is paging, and prints the criteria in order', async () => {
    const { asked, graphql } = pagedReport(600, 250);
    const { context, out, err } = contextFor(graphql, { project: PROJECT, json: true });

    expect(await traceCommand.run(context)).toBe(0);

    expect(asked.map((v) => v.a)).toEqual([undefined, '250', '500']);
    const report = JSON.parse(out.join('\n')) as {
      totalCount: number;
      criteria: { criterion: { ref: string } }[];
    };
    expect(report.totalCount).toBe(600);
    expect(report.criteria.map((c) => c.criterion.ref)).toEqual(
      Array.from({ length: 600 }, (_, i) => `AC-${i + 1}`),
    );
    expect(err).toEqual(['600 criteria: reading them in pages of 250 …']);
  });

  it('says nothing on stderr when the report fits in one page', async () => {
    const { graphql } = pagedReport(3, 250);
    const { context, out, err } = contextFor(graphql, { project: PROJECT });

    expect(await traceCommand.run(context)).toBe(0);
    expect(err).toEqual([]);
    expect(out.at(-1)).toBe('✓ complete: 3 VERIFIED');
  });

  it('refuses an unknown status as a usage error before connecting', async () => {
    const { context } = contextFor(
      () => {
        throw new Error('must not connect');
      },
      { project: 'p1', status: 'GREENISH' },
    );
    await expect(traceCommand.run(context)).rejects.toMatchObject({ exitCode: 2 });
  });
});
