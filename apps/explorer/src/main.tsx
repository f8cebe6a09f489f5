import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/graphiql.css';
import './explorer.css';
import { StrictMode, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { createRoot } from 'react-dom/client';
import type { Viewer } from './token';
import { forgetToken, saveToken, savedToken, whoIs } from './token';

const FIRST_QUERY = `# Your projects. Ctrl-Enter runs the query; the Docs button lists every field.
query Projects {
  projects {
    id
    name
    description
  }
}
`;

function SignIn({ onSignedIn }: { onSignedIn: (token: string, viewer: Viewer) => void }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    whoIs(token.trim()).then(
      (viewer) => onSignedIn(token.trim(), viewer),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  };
  return (
    <form className="sign-in" onSubmit={submit}>
      <h1>CodeMySpec · GraphQL explorer</h1>
      <label htmlFor="token">API token</label>
      <input
        id="token"
        type="password"
        autoComplete="off"
        value={token}
        onChange={(e) => setToken(e.target.value)}
      />
      <button type="submit" disabled={!token.trim()}>
        Open the explorer
      </button>
      {error && <p role="alert">{error}</p>}
      <p className="hint">The token stays in this tab (session storage) and goes only to this gateway.</p>
    </form>
  );
}

function Explorer({ token, viewer, onSignOut }: { token: string; viewer: Viewer; onSignOut: () => void }) {
  const fetcher = useMemo(
    () =>
      createGraphiQLFetcher({
        url: `${location.origin}/graphql`,
        subscriptionUrl: `${location.origin.replace(/^http/, 'ws')}/graphql`,
        headers: { authorization: `Bearer ${token}` },
        wsConnectionParams: { authorization: `Bearer ${token}` },
      }),
    [token],
  );
  return (
    <div className="explorer">
      <header>
        <span>
          Signed in as <strong>{viewer.actor}</strong> ({viewer.role})
        </span>
        <button type="button" onClick={onSignOut}>
          Sign out
        </button>
      </header>
      <GraphiQL fetcher={fetcher} defaultQuery={FIRST_QUERY} shouldPersistHeaders={false}>
        <GraphiQL.Logo>CodeMySpec</GraphiQL.Logo>
      </GraphiQL>
    </div>
  );
}

function App() {
  const [session, setSession] = useState<{ token: string; viewer: Viewer } | null>(null);
  const [checking, setChecking] = useState(() => savedToken() !== null);
  useMemo(() => {
    const token = savedToken();
    if (token)
      whoIs(token).then(
        (viewer) => {
          setSession({ token, viewer });
          setChecking(false);
        },
        () => {
          forgetToken();
          setChecking(false);
        },
      );
  }, []);
  if (checking) return <p className="sign-in">Checking the saved token…</p>;
  if (!session)
    return (
      <SignIn
        onSignedIn={(token, viewer) => {
          saveToken(token);
          setSession({ token, viewer });
        }}
      />
    );
  return (
    <Explorer
      token={session.token}
      viewer={session.viewer}
      onSignOut={() => {
        forgetToken();
        setSession(null);
      }}
    />
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
