import {
  GraphqlAnswerError,
  GraphqlTransportError,
  messageOf,
  postGraphql,
} from '@app/platform/graphql/graphql-client';
import { CliError } from './cli-error';
import type { CliConfig } from './cli-config';

export type Gql = <Data>(query: string, variables?: Record<string, unknown>) => Promise<Data>;

/** POST /graphql with the bearer token; a GraphQL error becomes a CliError naming its code. */
export function graphqlClient(config: CliConfig): Gql {
  return async <Data>(query: string, variables: Record<string, unknown> = {}): Promise<Data> => {
    try {
      return await postGraphql<Data>({
        url: `${config.url}/graphql`,
        query,
        variables,
        headers: { authorization: `Bearer ${config.token}` },
      });
    } catch (error) {
      if (error instanceof GraphqlAnswerError) {
        const problems = Array.isArray(error.extensions.details) ? error.extensions.details : [];
        const details = problems
          .map((d: { field?: unknown; message?: unknown }) => `\n  ${String(d.field)}: ${String(d.message)}`)
          .join('');
        throw new CliError(`${error.code}: ${error.message}${details}`, 1, error.code);
      }
      if (error instanceof GraphqlTransportError && !error.reached)
        throw new CliError(`cannot reach ${config.url}: ${messageOf(error.cause)}`);
      throw new CliError((error as Error).message);
    }
  };
}

/** `mutation($i: <Name>Input!) { <name>(input: $i) { <fields> } }`, the usual shape of a write: its result. */
export async function inputMutation<T>(
  graphql: Gql,
  mutation: string,
  input: Record<string, unknown>,
  fields: string,
): Promise<T> {
  const type = `${mutation[0].toUpperCase()}${mutation.slice(1)}Input`;
  const data = await graphql<Record<string, T>>(
    ['mutation($i: ', type, '!) { ', mutation, '(input: $i) { ', fields, ' } }'].join(''),
    { i: input },
  );
  return data[mutation];
}
