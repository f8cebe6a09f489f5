import { CliError } from './cli-error';
import type { CliConfig } from './cli-config';

export type Gql = <Data>(query: string, variables?: Record<string, unknown>) => Promise<Data>;

/** POST /graphql with the bearer token; a GraphQL error becomes a CliError naming its code. */
export function graphqlClient(config: CliConfig): Gql {
  return async <Data>(query: string, variables: Record<string, unknown> = {}): Promise<Data> => {
    let response: Response;
    try {
      response = await fetch(`${config.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${config.token}` },
        body: JSON.stringify({ query, variables }),
      });
    } catch (error) {
      throw new CliError(`cannot reach ${config.url}: ${(error as Error).message}`);
    }
    const body = (await response.json().catch(() => ({}))) as {
      data?: Data;
      errors?: {
        message: string;
        extensions?: { code?: string; details?: { field: string; message: string }[] };
      }[];
    };
    const first = body.errors?.[0];
    if (first) {
      const code = first.extensions?.code ?? 'INTERNAL';
      const details = (first.extensions?.details ?? []).map((d) => `\n  ${d.field}: ${d.message}`).join('');
      throw new CliError(`${code}: ${first.message}${details}`, 1, code);
    }
    if (!body.data) throw new CliError(`the gateway answered HTTP ${response.status} without data`);
    return body.data;
  };
}
