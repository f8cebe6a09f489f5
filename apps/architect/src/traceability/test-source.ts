/**
 * A test's source is named by a hash: its own (`test:<sha256>`, its file with the other tests cut
 * out) or, for runs recorded before tests had their own, its whole file's sha256.
 */
const OWN_SOURCE = 'test:';

export function ownSource(sha256: string): string {
  return `${OWN_SOURCE}${sha256}`;
}

/**
 * Whether red and green ran the same test: the same hash, when both runs told one of the same
 * kind; hashes of different kinds (an older run's file hash) cannot tell, and do not refuse.
 */
export function sameSource(red: string | null, green: string | null): boolean {
  if (red === null || green === null) return true;
  const own = (hash: string) => hash.startsWith(OWN_SOURCE);
  return own(red) !== own(green) || red === green;
}
