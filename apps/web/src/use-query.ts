import { useCallback, useEffect, useRef, useState } from 'react';
import { gql } from './api';

/**
 * Runs `load` when `key` changes (`key` names everything `load` reads) and when `reload` is
 * called. An answer that comes after the key changed, or after a newer load started, is dropped:
 * a slow answer for one page never overwrites the next. Errors are kept in words.
 */
export function useLoad<T>(load: () => Promise<T>, key: string) {
  const [state, setState] = useState<{ data: T | null; error: string | null; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  const [round, setRound] = useState(0);
  // The newest closure: `key` says when it reads something else.
  const latest = useRef(load);
  latest.current = load;
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    latest.current().then(
      (data) => current && setState({ data, error: null, loading: false }),
      (error: Error) => current && setState({ data: null, error: error.message, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [key, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { ...state, reload };
}

/** One GraphQL query, run again when its variables change. */
export function useQuery<T>(query: string, variables: Record<string, unknown>) {
  const key = `${query}\u0000${JSON.stringify(variables)}`;
  return useLoad(() => gql<T>(query, variables), key);
}
