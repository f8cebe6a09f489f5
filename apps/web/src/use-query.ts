import { useCallback, useEffect, useState } from 'react';
import { gql } from './api';

/** Runs a query when its variables change; `reload` runs it again. Errors are kept in words. */
export function useQuery<T>(query: string, variables: Record<string, unknown>) {
  const key = JSON.stringify(variables);
  const [state, setState] = useState<{ data: T | null; error: string | null; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  const load = useCallback(() => {
    setState((s) => ({ ...s, loading: true }));
    gql<T>(query, JSON.parse(key) as Record<string, unknown>).then(
      (data) => setState({ data, error: null, loading: false }),
      (error: Error) => setState({ data: null, error: error.message, loading: false }),
    );
  }, [query, key]);
  useEffect(load, [load]);
  return { ...state, reload: load };
}
