import { IDENTITY_HEADER, pollUntil, postGraphql, signIdentity } from '@app/platform';
import type { SubgraphEndpoint } from '../gateway-config';
import { SYSTEM_IDENTITY } from './signed-subgraph-source';

/**
 * Polls each subgraph's SDL until one of its instances answers (or the deadline passes), so
 * composition succeeds; an instance still down is passed over by the requests until it is up.
 */
export async function waitForSubgraphs(
  subgraphs: readonly SubgraphEndpoint[],
  secret: string,
  log: (message: string) => void,
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const answers = async (url: string): Promise<boolean> => {
    try {
      await postGraphql({
        url,
        query: '{ _service { sdl } }',
        headers: { [IDENTITY_HEADER]: signIdentity(SYSTEM_IDENTITY, secret) },
        timeoutMs: 5_000,
      });
      return true;
    } catch {
      return false; // not up (or not ready) yet
    }
  };
  for (const subgraph of subgraphs) {
    const urls = subgraph.url.split(',');
    let asked = 0;
    const anyAnswers = async (): Promise<boolean> => {
      if ((asked += 1) === 2) log(`waiting for subgraph ${subgraph.name} at ${subgraph.url}`);
      for (const url of urls) if (await answers(url)) return true;
      return false;
    };
    if (
      !(await pollUntil(anyAnswers, {
        timeoutMs: Math.max(0, deadline - Date.now()),
        firstMs: 100,
        maxMs: 500,
      }))
    )
      throw new Error(
        `subgraph ${subgraph.name} at ${subgraph.url} did not answer within ${timeoutMs / 1000} s`,
      );
  }
}
