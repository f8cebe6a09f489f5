import { createClient } from 'graphql-ws';
import { useEffect, useState } from 'react';
import { gql, savedToken } from '../api';
import { Problem, Section, Status } from '../ui';

interface Progress {
  type: string;
  step: string | null;
  attempt: number | null;
  status: string;
  detail: string | null;
}

interface SessionView {
  id: string;
  type: string;
  status: string;
  reason: string | null;
  summary: string | null;
  budget: { llmCallsUsed: number; maxLlmCalls: number; tokensUsed: number; maxTokens: number };
  llmCalls: {
    step: string;
    model: string;
    promptTokens: number;
    completionTokens: number;
    items: { kind: string; source: string; version: number; sha256: string }[];
  }[];
  sandboxRuns: { id: string; outcome: string; evidence: string }[];
}

const SESSION = `query($id: ID!) { session(id: $id) { id type status reason summary
  budget { llmCallsUsed maxLlmCalls tokensUsed maxTokens }
  llmCalls { step model promptTokens completionTokens items { kind source version sha256 } }
  sandboxRuns { id outcome evidence } } }`;

/**
 * A session's progress over the subscription, and its record read again whenever it moves: the
 * events so far (the newest streaming count replaces the previous one), the session, an error.
 */
function useLiveSession(sessionId: string) {
  const [events, setEvents] = useState<Progress[]>([]);
  const [session, setSession] = useState<SessionView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const client = createClient({
      url: `${location.origin.replace(/^http/, 'ws')}/graphql`,
      connectionParams: { authorization: `Bearer ${savedToken() ?? ''}` },
    });
    const refresh = () =>
      gql<{ session: SessionView }>(SESSION, { id: sessionId }).then(
        ({ session: s }) => setSession(s),
        (e: Error) => setError(e.message),
      );
    void refresh();
    const stop = client.subscribe<{ sessionProgress: Progress }>(
      {
        query:
          'subscription($id: ID!) { sessionProgress(sessionId: $id) { type step attempt status detail } }',
        variables: { id: sessionId },
      },
      {
        next: (message) => {
          const event = message.data?.sessionProgress;
          if (!event) return;
          setEvents((all) => [...all.filter((e) => e.type !== 'LlmCallStreaming'), event]);
          if (event.type !== 'LlmCallStreaming') void refresh();
        },
        error: (e: unknown) => setError(e instanceof Error ? e.message : 'the progress stream failed'),
        complete: () => void refresh(),
      },
    );
    return () => {
      stop();
      void client.dispose();
    };
  }, [sessionId]);
  return { events, session, error, setError };
}

/** Each LLM call: model, tokens, and the context items it was given (source, version, sha256). */
function LlmCalls({ calls }: { calls: SessionView['llmCalls'] }) {
  return (
    <Section title="LLM calls">
      {calls.map((call, i) => (
        <details key={i}>
          <summary>
            {call.step}: {call.model}, {call.promptTokens} prompt + {call.completionTokens} completion tokens
          </summary>
          <ul className="small">
            {call.items.map((item, j) => (
              <li key={j}>
                {item.kind} {item.source} v{item.version} <code>{item.sha256.slice(0, 12)}</code>
              </li>
            ))}
          </ul>
        </details>
      ))}
    </Section>
  );
}

/** Follows one session live over the subscription; the session's record is read again as it moves. */
export function LiveSession({ sessionId, canCancel }: { sessionId: string; canCancel: boolean }) {
  const { events, session, error, setError } = useLiveSession(sessionId);
  const cancel = () =>
    gql('mutation($id: ID!) { cancelSession(id: $id) { id } }', { id: sessionId }).catch((e: Error) =>
      setError(e.message),
    );
  return (
    <div className="live-session" aria-label="Live session">
      <Problem message={error} />
      {session && (
        <p>
          {session.type} session <Status value={session.status} /> {session.reason ?? session.summary ?? ''} ·
          budget {session.budget.llmCallsUsed}/{session.budget.maxLlmCalls} LLM calls,{' '}
          {session.budget.tokensUsed}/{session.budget.maxTokens} tokens
          {canCancel && session.status === 'RUNNING' && (
            <button type="button" onClick={() => void cancel()}>
              Cancel
            </button>
          )}
        </p>
      )}
      <ol className="steps">
        {events.map((e, i) => (
          <li key={i}>
            <b>{e.type}</b> {e.step ? `${e.step}${e.attempt ? `#${e.attempt}` : ''}` : ''} {e.detail ?? ''}
          </li>
        ))}
      </ol>
      {session && session.llmCalls.length > 0 && <LlmCalls calls={session.llmCalls} />}
      {session && session.sandboxRuns.length > 0 && (
        <p>
          Sandbox runs:{' '}
          {session.sandboxRuns.map((r) => (
            <span key={r.id}>
              <Status value={r.outcome} />{' '}
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
