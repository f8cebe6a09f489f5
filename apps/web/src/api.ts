/** The token lives in this tab's session storage only. */
const KEY = 'codemyspec.apiToken';
export const savedToken = (): string | null => sessionStorage.getItem(KEY);
export const saveToken = (token: string): void => sessionStorage.setItem(KEY, token);
export const forgetToken = (): void => sessionStorage.removeItem(KEY);

/** An error from the API, in its own words, with its code (UNAUTHENTICATED, NOT_FOUND, …). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** POST /graphql with the saved token; any error becomes an ApiError a page shows in words. */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const token = savedToken();
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

export interface Viewer {
  readonly actor: string;
  readonly role: 'VIEWER' | 'EDITOR' | 'ADMIN';
  readonly projectId: string | null;
}

export const canEdit = (viewer: Viewer) => viewer.role !== 'VIEWER';
