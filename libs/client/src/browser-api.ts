/**
 * What the browser apps (the console and the explorer) share as clients of the gateway: where the
 * API token is kept, and one POST /graphql that turns every failure into words.
 */

/** A tab's storage (the browser's `sessionStorage`): the token lives there only, closing the tab forgets it. */
export interface TokenStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const TOKEN_KEY = 'codemyspec.apiToken';

/** The saved API token of this tab: one key, so signing in to the console signs in the explorer too. */
export function apiTokenIn(storage: TokenStorage) {
  return {
    saved: (): string | null => storage.getItem(TOKEN_KEY),
    save: (token: string): void => storage.setItem(TOKEN_KEY, token),
    forget: (): void => storage.removeItem(TOKEN_KEY),
  };
}

/** An error from the API, in its own words, with its code (UNAUTHENTICATED, NOT_FOUND, …). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** POST /graphql (with the token, when there is one); any error becomes an ApiError a page shows in words. */
export async function postGraphql<T>(
  query: string,
  variables: Record<string, unknown>,
  token: string | null,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError('the gateway cannot be reached: is CodeMySpec running?', 'UNREACHABLE');
  }
  const body = (await response.json().catch(() => ({}))) as {
    data?: T;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  if (body.errors?.length) {
    const [first] = body.errors;
    throw new ApiError(first.message, first.extensions?.code ?? 'ERROR');
  }
  if (!body.data) throw new ApiError(`the gateway answered HTTP ${response.status}`, 'HTTP');
  return body.data;
}
