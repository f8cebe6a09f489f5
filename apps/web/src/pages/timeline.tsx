import { useEffect, useMemo, useState } from 'react';
import type { Viewer } from '../api';
import { gql } from '../api';
import { subjectLabel, timelineNames } from '@app/client/timeline-subjects';
import { Problem } from '../ui';
import type { TimelineEntry, TimelineOrder } from './timeline-pages';
import { useTimelinePages } from './timeline-pages';

/** The admin token's check that the timeline rebuilt from the stores equals the live one. */
function ReplayCheck() {
  const [replay, setReplay] = useState<string | null>(null);
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
    <>
      <button type="button" onClick={() => void verify()}>
        Verify replay
      </button>
      {replay && <p role="status">{replay}</p>}
    </>
  );
}

function TimelineTable({ entries, names }: { entries: TimelineEntry[]; names: Map<string, string> }) {
  return (
    <table className="timeline">
      <thead>
        <tr>
          {['When', 'Service', 'What', 'About', 'Who'].map((h) => (
            <th key={h}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
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
  );
}

/**
 * Page 7: every event of the project, newest first (or oldest first), who/when/what in names,
 * filtered, paged with how many there are in all; admins verify the replay.
 */
export function TimelinePage({ projectId, viewer }: { projectId: string; viewer: Viewer }) {
  const [order, setOrder] = useState<TimelineOrder>('NEWEST_FIRST');
  const { entries, more, total, error, loadMore } = useTimelinePages(projectId, order);
  const [names, setNames] = useState(new Map<string, string>());
  const [filter, setFilter] = useState({ service: '', type: '', actor: '' });
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
  return (
    <main>
      <h1>Timeline</h1>
      <Problem message={error} />
      <div className="toolbar">
        <label>
          Order{' '}
          <select value={order} onChange={(e) => setOrder(e.target.value as TimelineOrder)}>
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
        {viewer.role === 'ADMIN' && viewer.projectId === null && <ReplayCheck />}
      </div>
      <p className="small" role="note">
        Showing {entries.length} of {total} event{total === 1 ? '' : 's'},{' '}
        {order === 'NEWEST_FIRST' ? 'newest' : 'oldest'} first.
      </p>
      <TimelineTable entries={shown} names={names} />
      {more && (
        <button type="button" onClick={loadMore}>
          Load more
        </button>
      )}
    </main>
  );
}
