import { useCallback, useEffect, useState } from 'react';
import { gql } from './api';

/** Runs `load` when `key` changes; `reload` runs it again. Errors are kept in words. */
export function useLoad<T>(load: () => Promise<T>, key: string) {
  const [state, setState] = useState<{ data: T | null; error: string | null; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  // `key` names everything `load` reads: a new closure with the same key is the same load.
  const run = useCallback(() => load(), [key]);
  const reload = useCallback(() => {
    setState((s) => ({ ...s, loading: true }));
    run().then(
      (data) => setState({ data, error: null, loading: false }),
      (error: Error) => setState({ data: null, error: error.message, loading: false }),
    );
  }, [run]);
  useEffect(reload, [reload]);
  return { ...state, reload };
}

/** One GraphQL query, run again when its variables change. */
export function useQuery<T>(query: string, variables: Record<string, unknown>) {
  const key = `${query}\u0000${JSON.stringify(variables)}`;
  return useLoad(() => gql<T>(query, variables), key);
}
