import { IDENTITY_HEADER, signIdentity } from '@app/platform';
import type { SubgraphEndpoint } from '../gateway-config';
import { SYSTEM_IDENTITY } from './signed-subgraph-source';

/** Polls every subgraph's SDL until all answer (or the deadline passes), so composition succeeds. */
export async function waitForSubgraphs(
  subgraphs: readonly SubgraphEndpoint[],
  secret: string,
  log: (message: string) => void,
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const subgraph of subgraphs) {
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await fetch(subgraph.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            [IDENTITY_HEADER]: signIdentity(SYSTEM_IDENTITY, secret),
          },
          body: JSON.stringify({ query: '{ _service { sdl } }' }),
          signal: AbortSignal.timeout(5_000),
        });
        if (response.ok) break;
      } catch {
        // not up yet
      }
      if (Date.now() > deadline)
        throw new Error(
          `subgraph ${subgraph.name} at ${subgraph.url} did not answer within ${timeoutMs / 1000} s`,
        );
      if (attempt === 1) log(`waiting for subgraph ${subgraph.name} at ${subgraph.url}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
