import { authorize, isUuid, NotFoundError, ValidationError } from '@app/domain';
import { dataSourceExecutor } from '@app/platform';
import type { GatewayContext } from '../federation/gateway-context';
import type { GatewaySubgraphDeps } from './gateway-subgraph.deps';
import { timelineSubjectId } from '../timeline/timeline-subject';

interface TimelineRow {
  event_id: string;
  service: string;
  stream_id: string;
  type: string;
  version: number;
  occurred_at: Date;
  actor: string | null;
  correlation_id: string | null;
  data: unknown;
}

/** The project-wide audit timeline, a page at a time. */
export function timelineResolvers(deps: Pick<GatewaySubgraphDeps, 'dataSource'>) {
  const sql = dataSourceExecutor(deps.dataSource);
  return {
    Query: {
      projectTimeline: async (
        _: unknown,
        args: {
          projectId: string;
          first?: number | null;
          after?: string | null;
          order?: TimelineOrder | null;
        },
        { identity }: GatewayContext,
      ) => {
        if (!isUuid(args.projectId)) throw new NotFoundError('project', args.projectId);
        authorize(identity, args.projectId, 'read');
        const first = args.first ?? 50;
        if (first < 1 || first > 500)
          throw new ValidationError('first must be between 1 and 500', [
            { field: 'first', message: 'must be between 1 and 500' },
          ]);
        const order = args.order ?? 'OLDEST_FIRST';
        const newest = order === 'NEWEST_FIRST';
        const after = args.after ? decodeCursor(args.after) : undefined;
        const { rows: total } = await sql.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM timeline WHERE project_id = $1`,
          [args.projectId],
        );
        const { rows } = await sql.query<TimelineRow>(
          `SELECT event_id, service, stream_id, type, version, occurred_at, actor, correlation_id, data FROM timeline
          WHERE project_id = $1
            AND ($2::timestamptz IS NULL OR (occurred_at, event_id) ${newest ? '<' : '>'} ($2::timestamptz, $3::uuid))
          ORDER BY occurred_at ${newest ? 'DESC' : 'ASC'}, event_id ${newest ? 'DESC' : 'ASC'} LIMIT $4`,
          [args.projectId, after?.at ?? null, after?.id ?? null, first + 1],
        );
        const page = rows.slice(0, first);
        const edges = page.map((row) => ({
          cursor: encodeCursor(row),
          node: {
            eventId: row.event_id,
            service: row.service,
            streamId: row.stream_id,
            type: row.type,
            version: row.version,
            occurredAt: row.occurred_at.toISOString(),
            actor: row.actor,
            correlationId: row.correlation_id,
            data: row.data,
            subjectId: timelineSubjectId({
              projectId: args.projectId,
              streamId: row.stream_id,
              data: row.data,
            }),
          },
        }));
        return {
          edges,
          totalCount: total[0].n,
          pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
        };
      },
    },
  };
}

export type TimelineOrder = 'OLDEST_FIRST' | 'NEWEST_FIRST';

/**
 * `<time>|<event id>`: a position in the timeline. `after` continues from it in the order asked
 * for, so the cursor of the newest event, read newest first, follows what comes next oldest first.
 */
function encodeCursor(row: Pick<TimelineRow, 'occurred_at' | 'event_id'>): string {
  return Buffer.from(`${row.occurred_at.toISOString()}|${row.event_id}`).toString('base64url');
}

function decodeCursor(cursor: string): { at: string; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || Number.isNaN(Date.parse(at)))
    throw new ValidationError('after is not a cursor returned by this API', [
      { field: 'after', message: 'invalid cursor' },
    ]);
  return { at, id };
}
