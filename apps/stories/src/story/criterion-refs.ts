import { criterionRef, criterionRefNumber } from '@app/domain';

/**
 * References for new criteria, given the last number the project issued. A wanted reference (one
 * an imported `user_stories.md` carries) is kept when the project never issued its number and no
 * other new criterion wants it; every other criterion gets the next free number. Numbers only grow,
 * so a reference is never reused, not even one whose criterion was removed.
 */
export function assignCriterionRefs(
  lastIssued: number,
  wanted: readonly (string | undefined)[],
): { readonly refs: string[]; readonly last: number } {
  const kept = new Set<number>();
  const numbers = wanted.map((ref) => {
    const n = ref === undefined ? undefined : criterionRefNumber(ref);
    if (n === undefined || n <= lastIssued || kept.has(n)) return undefined;
    kept.add(n);
    return n;
  });
  let last = Math.max(lastIssued, ...kept);
  const refs = numbers.map((n) => criterionRef(n ?? ++last));
  return { refs, last };
}
