import { useEffect, useState } from 'react';
import type { Viewer } from '../api';
import { canEdit, gql } from '../api';
import { href } from '../route';
import { Problem, Status } from '../ui';
import { useQuery } from '../use-query';
import { LiveSession } from './live-session';

interface ListedSession {
  id: string;
  type: string;
  status: string;
  componentId: string;
  componentName: string;
  startedBy: string;
  createdAt: string;
  updatedAt: string;
  budget: { llmCallsUsed: number; tokensUsed: number };
}

const SESSIONS = `query($p: ID!) {
  projectSessions(projectId: $p, first: 50) { id type status componentId componentName startedBy createdAt updatedAt
    budget { llmCallsUsed tokensUsed } } }`;

const COMPONENTS = 'query($p: ID!) { architecture(projectId: $p) { components { id name type } } }';

const when = (iso: string) => iso.replace('T', ' ').slice(0, 19);
/** A token's actor without its id: `dana (…uuid…)` → `dana`. */
const who = (actor: string) => actor.replace(/ \([0-9a-f-]{36}\)$/, '');

/** The form an EDITOR starts a session with: a component, a type; the new session opens. */
function SessionStarter({ projectId, onStarted }: { projectId: string; onStarted: () => void }) {
  const architecture = useQuery<{
    architecture: { components: { id: string; name: string; type: string }[] };
  }>(COMPONENTS, { p: projectId });
  const components = architecture.data?.architecture.components ?? [];
  const [componentId, setComponentId] = useState('');
  const [type, setType] = useState('DESIGN');
  const [problem, setProblem] = useState<string | null>(null);
  const chosen = componentId || components[0]?.id || '';
  const start = () =>
    gql<{ startSession: { id: string } }>(
      'mutation($i: StartSessionInput!) { startSession(input: $i) { id } }',
      { i: { componentId: chosen, type } },
    ).then(
      ({ startSession }) => {
        setProblem(null);
        location.hash = href('projects', projectId, 'sessions', startSession.id);
        onStarted();
      },
      (e: Error) => setProblem(e.message),
    );
  return (
    <>
      <Problem message={architecture.error} />
      <div className="toolbar">
        <label htmlFor="session-component">Component</label>
        <select id="session-component" value={chosen} onChange={(e) => setComponentId(e.target.value)}>
          {components.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <label htmlFor="session-type">Type</label>
        <select id="session-type" value={type} onChange={(e) => setType(e.target.value)}>
          {['DESIGN', 'COMPONENT_DESIGNS', 'TESTS', 'CODE'].map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
        <button type="button" onClick={() => void start()} disabled={!chosen}>
          Start session
        </button>
      </div>
      <Problem message={problem} />
    </>
  );
}

/** The sessions as a table, the chosen one marked; each opens from its start time. */
function SessionsTable(props: { projectId: string; sessions: ListedSession[]; chosen: string | null }) {
  return (
    <table className="sessions" aria-label="Sessions of the project">
      <thead>
        <tr>
          {['Started', 'Type', 'Component', 'Status', 'Who', 'LLM calls', 'Tokens', 'Last change'].map(
            (h) => (
              <th key={h}>{h}</th>
            ),
          )}
        </tr>
      </thead>
      <tbody>
        {props.sessions.map((s) => (
          <tr key={s.id} className={s.id === props.chosen ? 'chosen' : undefined}>
            <td className="small">
              <a href={href('projects', props.projectId, 'sessions', s.id)}>{when(s.createdAt)}</a>
            </td>
            <td>{s.type}</td>
            <td>
              <a href={href('components', s.componentId)}>{s.componentName}</a>
            </td>
            <td>
              <Status value={s.status} />
            </td>
            <td className="small">{who(s.startedBy)}</td>
            <td>{s.budget.llmCallsUsed}</td>
            <td>{s.budget.tokensUsed}</td>
            <td className="small">{when(s.updatedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Page 6: the project's sessions, wherever they were started (the CLI, MCP, this page), the most
 * recently active first; any of them opens live or finished. An EDITOR starts one and can cancel it.
 */
export function SessionsPage({
  projectId,
  sessionId,
  viewer,
}: {
  projectId: string;
  sessionId: string | null;
  viewer: Viewer;
}) {
  const { data, error, reload } = useQuery<{ projectSessions: ListedSession[] }>(SESSIONS, { p: projectId });
  // The list keeps up by itself: sessions started elsewhere appear, statuses move.
  useEffect(() => {
    const timer = setInterval(reload, 3_000);
    return () => clearInterval(timer);
  }, [reload]);
  const sessions = data?.projectSessions ?? [];
  return (
    <main>
      <h1>Sessions</h1>
      <Problem message={error} />
      {canEdit(viewer) && <SessionStarter projectId={projectId} onStarted={reload} />}
      {sessionId && <LiveSession key={sessionId} sessionId={sessionId} canCancel={canEdit(viewer)} />}
      <SessionsTable projectId={projectId} sessions={sessions} chosen={sessionId} />
      {data && sessions.length === 0 && <p>No session has been started in this project yet.</p>}
    </main>
  );
}
