/**
 * An acceptance criterion's short reference, `AC-<n>`: unique in its project and never reused
 * (numbers only grow). Designs cite criteria with it in square brackets: `- rejects … [AC-12]`.
 */
export const CRITERION_REF_PREFIX = 'AC-';

const REF = /^AC-([1-9][0-9]{0,8})$/;
/** `[AC-1]`, `[AC-1, AC-2]` or `[AC-1][AC-2]`: one bracket may hold several, separated by commas. */
const CITATION = /\[\s*(AC-[0-9]+(?:\s*,\s*AC-[0-9]+)*)\s*\]/gi;

export function criterionRef(n: number): string {
  if (!Number.isSafeInteger(n) || n < 1)
    throw new Error(`a criterion number is a positive integer, not ${n}`);
  return `${CRITERION_REF_PREFIX}${n}`;
}

/** The number of a well-formed reference (`AC-12` → 12), or undefined. */
export function criterionRefNumber(ref: string): number | undefined {
  const match = REF.exec(ref);
  return match ? Number(match[1]) : undefined;
}

export function isCriterionRef(ref: string): boolean {
  return criterionRefNumber(ref) !== undefined;
}

/**
 * The references a line cites and the line without its citations. References are returned as
 * written (upper-cased), well-formed or not, so that a validator can name a malformed one.
 */
export function criterionCitations(line: string): {
  readonly refs: readonly string[];
  readonly text: string;
} {
  const refs: string[] = [];
  const text = line
    .replace(CITATION, (_all, list: string) => {
      for (const ref of list.split(',')) refs.push(ref.trim().toUpperCase());
      return '';
    })
    .replace(/[ \t]+/g, ' ')
    .trim();
  return { refs: [...new Set(refs)], text };
}
