/**
 * The seeder's GraphQL client: one request per document, many aliased mutations per document, and
 * patience where the system asks for it: `RATE_LIMITED` waits its `retryAfterSeconds`, and a
 * `NOT_FOUND` of one alias (a fact still on its way between services over the bus) is asked again.
 */
export interface GraphqlError {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions?: { code?: string; retryAfterSeconds?: number };
}

export class SeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeedError';
  }
}

/** Aliases per document: the gateway's default limit. */
// 25 aliases with their selections stay within the gateway's 1,000-token limit of a document.
const ALIASES_PER_DOCUMENT = 25;
/** How long a write may wait for a fact it names to reach the service that checks it. */
const SETTLE_TIMEOUT_MS = 120_000;

export class SeedClient {
  /** Root fields of mutations sent (each counts against the token's rate limit). */
  writes = 0;

  constructor(
    private readonly url: string,
    private readonly token: string,
  ) {}

  /** One document; any error fails it (after waiting out rate limits). */
  async request<Data>(query: string, variables: Record<string, unknown> = {}): Promise<Data> {
    const { data, errors } = await this.send<Data>(query, variables);
    if (errors.length > 0) throw new SeedError(describe(errors[0]));
    return data!;
  }

  /**
   * `mutation(input)` once per input, up to 50 per document, in order; returns each result.
   * Inputs whose alias answered NOT_FOUND are sent again until they pass (or two minutes go by).
   */
  async mutateEach<Result>(mutation: string, inputs: readonly unknown[], fields: string): Promise<Result[]> {
    const results: Result[] = new Array<Result>(inputs.length);
    const type = `${mutation[0].toUpperCase()}${mutation.slice(1)}Input`;
    for (let start = 0; start < inputs.length; start += ALIASES_PER_DOCUMENT) {
      let pending = inputs
        .slice(start, start + ALIASES_PER_DOCUMENT)
        .map((input, offset) => ({ index: start + offset, input }));
      const deadline = Date.now() + SETTLE_TIMEOUT_MS;
      while (pending.length > 0) {
        const document = `mutation(${pending.map((_, k) => `$i${k}: ${type}!`).join(', ')}) { ${pending
          .map((_, k) => `m${k}: ${mutation}(input: $i${k}) { ${fields} }`)
          .join(' ')} }`;
        const variables = Object.fromEntries(pending.map((p, k) => [`i${k}`, p.input]));
        this.writes += pending.length;
        const { data, errors } = await this.send<Record<string, Result | null>>(document, variables);
        const failed = new Map(errors.map((error) => [String(error.path?.[0] ?? ''), error]));
        const fatal = errors.find((error) => error.extensions?.code !== 'NOT_FOUND');
        if (fatal) throw new SeedError(`${mutation}: ${describe(fatal)}`);
        if (errors.length > 0 && Date.now() > deadline)
          throw new SeedError(
            `${mutation}: still ${describe(errors[0])} after ${SETTLE_TIMEOUT_MS / 1000} s`,
          );
        pending.forEach((p, k) => {
          if (!failed.has(`m${k}`)) results[p.index] = data![`m${k}`]!;
        });
        pending = pending.filter((_, k) => failed.has(`m${k}`));
        if (pending.length > 0) await sleep(250);
      }
    }
    return results;
  }

  private async send<Data>(
    query: string,
    variables: Record<string, unknown>,
  ): Promise<{ data: Data | null; errors: GraphqlError[] }> {
    for (;;) {
      const response = await fetch(`${this.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
        body: JSON.stringify({ query, variables }),
      });
      const answer = (await response.json().catch(() => ({}))) as { data?: Data; errors?: GraphqlError[] };
      const errors = answer.errors ?? [];
      const limited = errors.find((error) => error.extensions?.code === 'RATE_LIMITED');
      if (limited) {
        await sleep(1000 * (limited.extensions?.retryAfterSeconds ?? 1));
        continue;
      }
      if (answer.data === undefined && errors.length === 0)
        throw new SeedError(`${this.url}/graphql answered HTTP ${response.status} without data`);
      return { data: answer.data ?? null, errors };
    }
  }
}

function describe(error: GraphqlError): string {
  return `${error.extensions?.code ?? 'ERROR'}: ${error.message}`;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
