import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Viewer } from './api';
import { gql, saveToken } from './api';

export const ME = '{ me { actor role projectId } }';

/** Page 1: the API token, checked with the API; a wrong one gets the API's own message. */
export function SignIn({ onSignedIn }: { onSignedIn: (viewer: Viewer) => void }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    saveToken(token.trim());
    gql<{ me: Viewer }>(ME).then(
      ({ me }) => onSignedIn(me),
      (e: Error) => {
        sessionStorage.clear();
        setError(e.message);
      },
    );
  };
  return (
    <main className="sign-in">
      <h1>CodeMySpec</h1>
      <p className="muted">Stories → architecture → designs → red tests → green code, every step recorded.</p>
      <form onSubmit={submit}>
        <label htmlFor="token">API token</label>
        <input
          id="token"
          type="password"
          autoComplete="off"
          value={token}
          onChange={(e) => setToken(e.target.value)}
          autoFocus
        />
        <button type="submit" disabled={!token.trim()}>
          Sign in
        </button>
      </form>
      {error && (
        <p role="alert" className="problem">
          {error}
        </p>
      )}
      <p className="muted small">
        The token stays in this tab (session storage). After <code>npm start</code>, the admin token is in{' '}
        <code>.data/admin.token</code>.
      </p>
    </main>
  );
}
