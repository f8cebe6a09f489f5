import type { Command, CommandContext } from '../command';
import { CliError } from '../cli-error';
import type { Gql } from '../graphql-client';
import { intOption, projectOption } from '../project-ref';
import { subjectIdOf, subjectLabel, timelineNames } from '@app/client/timeline-subjects';

interface Entry {
  occurredAt: string;
  service: string;
  streamId: string;
  version: number;
  type: string;
  actor: string | null;
  subjectId: string | null;
}

const PAGE = `query($p: ID!, $f: Int, $a: String) { projectTimeline(projectId: $p, first: $f, after: $a) {
  pageInfo { hasNextPage endCursor } edges { node { occurredAt service streamId version type actor subjectId } } } }`;

/** Events after which a name printed so far may be out of date. */
const RENAMES = new Set(['ProjectRenamed', 'StoryRevised', 'ComponentRenamed']);

/**
 * Names are asked again only when new events rename something or are about something not looked
 * up yet (`unnamed`: ids looked up before that have no name, such as a git commit's).
 */
function namesAreStale(entries: readonly Entry[], names: Map<string, string>, unnamed: Set<string>): boolean {
  return entries.some((e) => {
    const id = subjectIdOf(e);
    return RENAMES.has(e.type) || (id !== undefined && !names.has(id) && !unnamed.has(id));
  });
}

function line(entry: Entry, names: Map<string, string>): string {
  return `${entry.occurredAt}  ${entry.service.padEnd(9)} ${entry.type.padEnd(26)} ${subjectLabel(entry, names, { withKind: true })}  ${entry.actor ?? ''}`.trimEnd();
}

async function follow(
  context: CommandContext,
  graphql: Gql,
  projectId: string,
  after: string | null,
  names: Map<string, string>,
): Promise<never> {
  let cursor = after;
  const unnamed = new Set<string>();
  for (;;) {
    await new Promise((r) => setTimeout(r, 2_000));
    const { projectTimeline } = await graphql<{
      projectTimeline: { pageInfo: { endCursor: string | null }; edges: { node: Entry }[] };
    }>(PAGE, { p: projectId, f: 200, a: cursor });
    const entries = projectTimeline.edges.map((e) => e.node);
    if (!context.json && namesAreStale(entries, names, unnamed)) {
      for (const [k, v] of await timelineNames(graphql, projectId)) names.set(k, v);
      for (const id of entries.map(subjectIdOf)) if (id && !names.has(id)) unnamed.add(id);
    }
    for (const entry of entries) context.out(context.json ? JSON.stringify(entry) : line(entry, names));
    cursor = projectTimeline.pageInfo.endCursor ?? cursor;
  }
}

export const timelineCommand: Command = {
  path: ['timeline'],
  summary: 'The audit timeline of a project: every event of every service, with names',
  usage: 'codemyspec timeline --project <id|name> [--first <n>] [--follow]',
  help: ['--follow prints new events as they happen (Ctrl-C stops); with --json, one JSON object per line.'],
  options: {
    project: { type: 'string', description: 'the project (id or name)' },
    first: { type: 'string', description: 'how many events (default 50)' },
    follow: { type: 'boolean', description: 'keep printing new events' },
  },
  async run(context) {
    const projectId = await projectOption(context);
    const first = intOption(context, 'first') ?? 50;
    if (first < 1) throw new CliError('--first is a positive whole number', 2);
    const { graphql } = await context.connect();
    const { projectTimeline } = await graphql<{
      projectTimeline: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: { node: Entry }[];
      };
    }>(PAGE, { p: projectId, f: first });
    const names = await timelineNames(graphql, projectId);
    const entries = projectTimeline.edges.map((e) => e.node);
    if (context.json && !context.values.follow) context.out(JSON.stringify(entries, null, 2));
    else for (const entry of entries) context.out(context.json ? JSON.stringify(entry) : line(entry, names));
    if (!context.values.follow) return 0;
    // Follow from the end of what exists now.
    let cursor = projectTimeline.pageInfo.endCursor;
    let more = projectTimeline.pageInfo.hasNextPage;
    while (more) {
      const page = await graphql<{
        projectTimeline: { pageInfo: { hasNextPage: boolean; endCursor: string | null } };
      }>(PAGE, { p: projectId, f: 200, a: cursor });
      cursor = page.projectTimeline.pageInfo.endCursor ?? cursor;
      more = page.projectTimeline.pageInfo.hasNextPage;
    }
    return follow(context, graphql, projectId, cursor, names);
  },
};
