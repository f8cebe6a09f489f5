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

const PAGE = `query($p: ID!, $f: Int, $a: String, $o: TimelineOrder) {
  projectTimeline(projectId: $p, first: $f, after: $a, order: $o) { totalCount
  pageInfo { hasNextPage endCursor } edges { cursor node { occurredAt service streamId version type actor subjectId } } } }`;

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: Entry }[];
}

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
    const { projectTimeline } = await graphql<{ projectTimeline: Page }>(PAGE, {
      p: projectId,
      f: 200,
      a: cursor,
      o: 'OLDEST_FIRST',
    });
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
  summary: 'The audit timeline of a project, newest first: every event of every service, with names',
  usage: 'codemyspec timeline --project <id|name> [--first <n>] [--oldest-first] [--follow]',
  help: [
    'Newest first, with how many there are in all on stderr; --oldest-first starts from the beginning.',
    '--follow prints the newest events oldest first, then new ones as they happen (Ctrl-C stops);',
    'with --json, one JSON object per line.',
  ],
  options: {
    project: { type: 'string', description: 'the project (id or name)' },
    first: { type: 'string', description: 'how many events (default 50)' },
    'oldest-first': { type: 'boolean', description: 'from the first event on' },
    follow: { type: 'boolean', description: 'keep printing new events' },
  },
  async run(context) {
    const projectId = await projectOption(context);
    const first = intOption(context, 'first') ?? 50;
    if (first < 1) throw new CliError('--first is a positive whole number', 2);
    const oldestFirst = context.values['oldest-first'] === true;
    if (oldestFirst && context.values.follow)
      throw new CliError('--follow starts from the newest events; leave out --oldest-first', 2);
    const { graphql } = await context.connect();
    const { projectTimeline } = await graphql<{ projectTimeline: Page }>(PAGE, {
      p: projectId,
      f: first,
      o: oldestFirst ? 'OLDEST_FIRST' : 'NEWEST_FIRST',
    });
    const names = await timelineNames(graphql, projectId);
    const page = projectTimeline.edges;
    // Following reads like a log: the newest events oldest first, then what comes next.
    const shown = (context.values.follow ? [...page].reverse() : page).map((e) => e.node);
    if (context.json && !context.values.follow) context.out(JSON.stringify(shown, null, 2));
    else for (const entry of shown) context.out(context.json ? JSON.stringify(entry) : line(entry, names));
    if (!context.json)
      context.err(
        `showing ${page.length} of ${projectTimeline.totalCount} event(s), ${oldestFirst ? 'oldest' : 'newest'} first${projectTimeline.pageInfo.hasNextPage ? ` (--first ${Math.min(projectTimeline.totalCount, 500)} for more${oldestFirst ? '' : ', --oldest-first from the start'})` : ''}`,
      );
    if (!context.values.follow) return 0;
    // The newest event's position, followed oldest first: what happens from now on.
    return follow(context, graphql, projectId, page[0]?.cursor ?? null, names);
  },
};
