/**
 * The architect learns about projects and stories through the bus, a moment after they were
 * written. A command that names one it has not seen yet waits for it to arrive before answering
 * NOT_FOUND — until it shows up, the consumer has caught up (then it does not exist), or the
 * timeout passes — so that "create a story, then link it" works from one client.
 */
export async function awaitCopy<T>(
  lookup: () => Promise<T | undefined>,
  consumerCaughtUp: () => Promise<boolean>,
  timeoutMs = 5_000,
): Promise<T | undefined> {
  const started = Date.now();
  for (let delay = 10; ; delay = Math.min(delay * 2, 200)) {
    const found = await lookup();
    if (found !== undefined) return found;
    const waited = Date.now() - started;
    if (waited >= timeoutMs) return undefined;
    // Give the producer's relay time to publish a just-committed event before trusting "caught up".
    if (waited >= 1_500 && (await consumerCaughtUp())) return lookup();
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}
