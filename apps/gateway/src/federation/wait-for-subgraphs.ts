import { IDENTITY_HEADER, pollUntil, postGraphql, signIdentity } from '@app/platform';
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
        await postGraphql({
          url: subgraph.url,
          query: '{ _service { sdl } }',
          headers: { [IDENTITY_HEADER]: signIdentity(SYSTEM_IDENTITY, secret) },
          timeoutMs: 5_000,
        });
        return true;
      } catch {
        return false; // not up (or not ready) yet
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
