/**
 * The one GraphQL-over-HTTP client of the system (the CLI, MCP tools calling the gateway, services
 * calling each other's subgraphs): POST `{ query, variables }` as JSON, then either the `data` of a
 * clean answer, or a typed error. It imports nothing but `fetch`, so the CLI can load it alone.
 */

/** The server answered with GraphQL errors: the first one's message, code and other extensions. */
export class GraphqlAnswerError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly extensions: Readonly<Record<string, unknown>>,
    readonly status: number,
  ) {
    super(message);
    this.name = 'GraphqlAnswerError';
  }
}

/** No usable answer: the server could not be reached or timed out (`reached` false), or answered without data. */
export class GraphqlTransportError extends Error {
  constructor(
    message: string,
    readonly reached: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'GraphqlTransportError';
  }
}

export interface GraphqlRequest {
  readonly url: string;
  readonly query: string;
  readonly variables?: Readonly<Record<string, unknown>>;
  /** Added to `content-type: application/json` (authorization, signed identity, correlation id). */
  readonly headers?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
}

interface GraphqlAnswer<Data> {
  data?: Data | null;
  errors?: { message?: unknown; extensions?: Record<string, unknown> }[];
}

export async function postGraphql<Data>(request: GraphqlRequest): Promise<Data> {
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...request.headers },
      body: JSON.stringify({ query: request.query, variables: request.variables ?? {} }),
      signal: request.timeoutMs === undefined ? undefined : AbortSignal.timeout(request.timeoutMs),
    });
  } catch (error) {
    throw new GraphqlTransportError(`no answer from ${request.url}: ${messageOf(error)}`, false, {
      cause: error,
    });
  }
  const answer = (await response.json().catch(() => ({}))) as GraphqlAnswer<Data>;
  const first = Array.isArray(answer.errors) ? answer.errors[0] : undefined;
  if (first) {
    const { code, ...extensions } = first.extensions ?? {};
    throw new GraphqlAnswerError(
      typeof code === 'string' ? code : 'INTERNAL',
      typeof first.message === 'string' ? first.message : 'unknown error',
      extensions,
      response.status,
    );
  }
  if (answer.data === undefined || answer.data === null)
    throw new GraphqlTransportError(`${request.url} answered HTTP ${response.status} without data`, true);
  return answer.data;
}

/** The message of an Error or of a DOMException (a timeout), which is not always an Error here. */
export function messageOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string')
    return error.message;
  return String(error);
}
