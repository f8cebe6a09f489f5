import type { Identity } from '@app/domain';
import { IDENTITY_HEADER } from '@app/platform';
import type { IdentitySigner } from '../federation/identity-signer';

/** An LLM call streaming now, as the sessions service sees it. */
export interface LiveLlmCall {
  readonly step: string;
  readonly tokens: number;
  readonly elapsedMs: number;
}

export type LiveLlmCallLookup = (identity: Identity, sessionId: string) => Promise<LiveLlmCall | null>;

const QUERY = 'query($id: ID!) { session(id: $id) { liveLlmCall { step tokens elapsedMs } } }';

/**
 * Asks the sessions subgraph, with the subscriber's signed identity, which LLM call of a session
 * is streaming now. Any failure is "none": progress is a courtesy, the events are the record.
 */
export function liveLlmCallLookup(sessionsUrl: string, signer: IdentitySigner): LiveLlmCallLookup {
  const url = new URL('/graphql', sessionsUrl);
  return async (identity, sessionId) => {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: signer.sign(identity) },
        body: JSON.stringify({ query: QUERY, variables: { id: sessionId } }),
        signal: AbortSignal.timeout(2_000),
      });
      const body = (await response.json()) as { data?: { session?: { liveLlmCall: LiveLlmCall | null } } };
      return body.data?.session?.liveLlmCall ?? null;
    } catch {
      return null;
    }
  };
}
