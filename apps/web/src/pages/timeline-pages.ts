import { useEffect, useState } from 'react';
import { gql } from '../api';

export interface TimelineEntry {
  eventId: string;
  occurredAt: string;
  service: string;
  streamId: string;
  type: string;
  actor: string | null;
  /** Set when the stream holds a whole project's events: the component or story the event is about. */
  subjectId: string | null;
}

export type TimelineOrder = 'NEWEST_FIRST' | 'OLDEST_FIRST';

const PAGE = `query($p: ID!, $a: String, $o: TimelineOrder) {
  projectTimeline(projectId: $p, first: 50, after: $a, order: $o) { totalCount
    edges { node { eventId occurredAt service streamId type actor subjectId } } pageInfo { hasNextPage endCursor } } }`;

/**
 * A project's timeline read 50 events at a time in `order`: the entries so far, how many there
 * are in all, and `loadMore` while there are more. A new order starts again from the first page;
 * an answer for an order no longer asked for is dropped.
 */
export function useTimelinePages(projectId: string, order: TimelineOrder) {
  const [state, setState] = useState({
    entries: [] as TimelineEntry[],
    cursor: null as string | null,
    more: false,
    total: 0,
    error: null as string | null,
  });
  const [request, setRequest] = useState({ projectId, order, after: null as string | null });
  // A page asked for another project or order does not count: this one starts from the first page.
  const after = request.projectId === projectId && request.order === order ? request.after : null;
  useEffect(() => {
    let current = true;
    gql<{
      projectTimeline: {
        totalCount: number;
        edges: { node: TimelineEntry }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    }>(PAGE, { p: projectId, a: after, o: order }).then(
      ({ projectTimeline }) =>
        current &&
        setState((s) => ({
          entries: [...(after ? s.entries : []), ...projectTimeline.edges.map((e) => e.node)],
          cursor: projectTimeline.pageInfo.endCursor,
          more: projectTimeline.pageInfo.hasNextPage,
          total: projectTimeline.totalCount,
          error: null,
        })),
      (e: Error) => current && setState((s) => ({ ...s, error: e.message })),
    );
    return () => {
      current = false;
    };
  }, [projectId, order, after]);
  return { ...state, loadMore: () => setRequest({ projectId, order, after: state.cursor }) };
}
