import type { Identity } from '@app/domain';
import { IDENTITY_HEADER, signIdentity } from '@app/platform';

/** The secret the test services sign and check identities with. */
export const TEST_SECRET = 'test-secret-for-signing-identities-0123456789';

export interface GraphqlResponse<Data> {
  readonly status: number;
  readonly data?: Data;
  readonly errors?: { message: string; extensions?: Record<string, unknown> & { code?: string } }[];
}

/** POSTs a GraphQL operation to a service with a signed identity (what the gateway does), or none at all. */
export async function postSubgraphGraphql<Data>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  identity: Identity | null,
): Promise<GraphqlResponse<Data>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (identity) headers[IDENTITY_HEADER] = signIdentity(identity, TEST_SECRET);
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphqlResponse<Data>, 'status'>;
  return { status: response.status, ...body };
}
