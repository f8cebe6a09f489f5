/** Lower-cased words of a title: letters and digits only, single spaces. */
export function normalizeTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Edit distance (insertions, deletions, substitutions) between two strings, by UTF-16 code unit. */
export function levenshteinDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}

/** 1 − distance / longer length: 1 for equal strings, 0 for nothing in common. */
export function levenshteinSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - levenshteinDistance(a, b) / longer;
}

/** |A ∩ B| / |A ∪ B| over the sets of space-separated tokens. */
export function tokenJaccard(a: string, b: string): number {
  const left = new Set(a.split(' ').filter((t) => t.length > 0));
  const right = new Set(b.split(' ').filter((t) => t.length > 0));
  if (left.size === 0 && right.size === 0) return 1;
  let shared = 0;
  for (const token of left) if (right.has(token)) shared++;
  return shared / (left.size + right.size - shared);
}

/** How alike two titles are, 0..1: the larger of the two measures on their normalized forms. */
export function titleSimilarity(a: string, b: string): number {
  const left = normalizeTitle(a);
  const right = normalizeTitle(b);
  return Math.max(levenshteinSimilarity(left, right), tokenJaccard(left, right));
}
