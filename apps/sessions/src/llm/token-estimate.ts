/**
 * A deterministic token estimate (UTF-8 bytes / 4, rounded up): the ledger needs the same number
 * for the same text on every machine; the real usage comes back from the endpoint per call.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(Buffer.byteLength(text, 'utf8') / 4);
}
