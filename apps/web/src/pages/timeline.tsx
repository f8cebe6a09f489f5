import { useEffect, useMemo, useState } from 'react';
import type { Viewer } from '../api';
import { gql } from '../api';
import { subjectLabel, timelineNames } from '@app/client/timeline-subjects';
import { Problem } from '../ui';

interface Entry {
  eventId: string;
  occurredAt: string;
  service: string;
  streamId: string;
  type: string;
  actor: string | null;
  /** Set when the stream holds a whole project's events: the component or story the event is about. */
  subjectId: string | null;
}

/**
 * Page 7: every event of the project, newest first (or oldest first), who/when/what in names,
 * filtered, paged with how many there are in all; admins verify the replay.
 */
export function TimelinePage({ projectId, viewer }: { projectId: string; viewer: Viewer }) {
  const [entries, setEntries] = useState<Entry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [more, setMore] = useState(false);
  const [total, setTotal] = useState(0);
  const [order, setOrder] = useState<'NEWEST_FIRST' | 'OLDEST_FIRST'>('NEWEST_FIRST');
  const [names, setNames] = useState(new Map<string, string>());
  const [filter, setFilter] = useState({ service: '', type: '', actor: '' });
  const [error, setError] = useState<string | null>(null);
  const [replay, setReplay] = useState<string | null>(null);
  const load = (after: string | null) =>
    gql<{
      projectTimeline: {
        totalCount: number;
        edges: { node: Entry }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    }>(
      'query($p: ID!, $a: String, $o: TimelineOrder) { projectTimeline(projectId: $p, first: 50, after: $a, order: $o) { totalCount edges { node { eventId occurredAt service streamId type actor subjectId } } pageInfo { hasNextPage endCursor } } }',
      { p: projectId, a: after, o: order },
    ).then(
      ({ projectTimeline }) => {
        setEntries((all) => [...(after ? all : []), ...projectTimeline.edges.map((e) => e.node)]);
        setCursor(projectTimeline.pageInfo.endCursor);
        setMore(projectTimeline.pageInfo.hasNextPage);
        setTotal(projectTimeline.totalCount);
      },
      (e: Error) => setError(e.message),
    );
  useEffect(() => {
    void load(null);
  }, [projectId, order]);
  useEffect(() => {
    timelineNames(gql, projectId, (title) => `story “${title}”`).then(setNames, () => undefined);
  }, [projectId]);
  const shown = useMemo(
    () =>
      entries.filter(
        (e) =>
          (!filter.service || e.service === filter.service) &&
          (!filter.type || e.type.toLowerCase().includes(filter.type.toLowerCase())) &&
          (!filter.actor || (e.actor ?? '').toLowerCase().includes(filter.actor.toLowerCase())),
      ),
    [entries, filter],
  );
  const verify = () =>
    gql<{ verifyReplay: { events: number; equal: boolean } }>(
      'mutation { verifyReplay(readModel: "gateway.timeline") { events equal } }',
    ).then(
      ({ verifyReplay }) =>
        setReplay(
          `${verifyReplay.events} events replayed: ${verifyReplay.equal ? 'identical to the live timeline' : 'DIFFERENT from the live timeline'}`,
        ),
      (e: Error) => setReplay(e.message),
    );
  return (
    <main>
      <h1>Timeline</h1>
      <Problem message={error} />
      <div className="toolbar">
        <label>
          Order{' '}
          <select value={order} onChange={(e) => setOrder(e.target.value as typeof order)}>
            <option value="NEWEST_FIRST">newest first</option>
            <option value="OLDEST_FIRST">oldest first</option>
          </select>
        </label>
        <label>
          Service{' '}
          <select value={filter.service} onChange={(e) => setFilter({ ...filter, service: e.target.value })}>
            <option value="">all</option>
            {['stories', 'architect', 'sessions', 'gateway'].map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Type <input value={filter.type} onChange={(e) => setFilter({ ...filter, type: e.target.value })} />
        </label>
        <label>
          Actor{' '}
          <input value={filter.actor} onChange={(e) => setFilter({ ...filter, actor: e.target.value })} />
        </label>
        {viewer.role === 'ADMIN' && viewer.projectId === null && (
          <button type="button" onClick={() => void verify()}>
            Verify replay
          </button>
        )}
      </div>
      {replay && <p role="status">{replay}</p>}
      <p className="small" role="note">
        Showing {entries.length} of {total} event{total === 1 ? '' : 's'},{' '}
        {order === 'NEWEST_FIRST' ? 'newest' : 'oldest'} first.
      </p>
      <table className="timeline">
        <thead>
          <tr>
            <th>When</th>
            <th>Service</th>
            <th>What</th>
            <th>About</th>
            <th>Who</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((e) => (
            <tr key={e.eventId}>
              <td className="small">{e.occurredAt.replace('T', ' ').slice(0, 19)}</td>
              <td>{e.service}</td>
              <td>{e.type}</td>
              <td>{subjectLabel(e, names, { withKind: false })}</td>
              <td className="small">{e.actor ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {more && (
        <button type="button" onClick={() => void load(cursor)}>
          Load more
        </button>
      )}
    </main>
  );
}
