import { IDENTITY_HEADER, pollUntil, signIdentity } from '@app/platform';
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
    let asked = 0;
    const answers = async (): Promise<boolean> => {
      if ((asked += 1) === 2) log(`waiting for subgraph ${subgraph.name} at ${subgraph.url}`);
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
        return response.ok;
      } catch {
        return false; // not up yet
      }
    };
    if (
      !(await pollUntil(answers, { timeoutMs: Math.max(0, deadline - Date.now()), firstMs: 100, maxMs: 500 }))
    )
      throw new Error(
        `subgraph ${subgraph.name} at ${subgraph.url} did not answer within ${timeoutMs / 1000} s`,
      );
  }
}
