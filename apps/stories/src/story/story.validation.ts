import type { FieldProblem } from '@app/domain';
import { isCriterionRef, ValidationError } from '@app/domain';

/** Size limits of a story's fields (characters are UTF-16 code units, measured after trimming). */
export const STORY_LIMITS = {
  titleMaxLength: 200,
  descriptionMaxLength: 100_000,
  maxAcceptanceCriteria: 50,
  criterionMaxLength: 1_000,
  maxTags: 20,
  tagMaxLength: 50,
} as const;

export function titleProblems(title: string, field = 'title'): FieldProblem[] {
  if (title.length === 0) return [{ field, message: 'must not be empty' }];
  if (title.length > STORY_LIMITS.titleMaxLength)
    return [{ field, message: `must be at most ${STORY_LIMITS.titleMaxLength} characters` }];
  return [];
}

export function descriptionProblems(description: string, field = 'description'): FieldProblem[] {
  return description.length > STORY_LIMITS.descriptionMaxLength
    ? [{ field, message: `must be at most ${STORY_LIMITS.descriptionMaxLength} characters` }]
    : [];
}

export function criterionTextProblems(text: string, field: string): FieldProblem[] {
  if (text.length === 0) return [{ field, message: 'must not be empty' }];
  if (text.length > STORY_LIMITS.criterionMaxLength)
    return [{ field, message: `must be at most ${STORY_LIMITS.criterionMaxLength} characters` }];
  return [];
}

/** A criterion's reference must read `AC-<n>` and not be taken by another criterion of the same story. */
export function criterionRefProblems(ref: string, taken: ReadonlySet<string>, field: string): FieldProblem[] {
  if (!isCriterionRef(ref))
    return [{ field, message: `${JSON.stringify(ref)} is not a reference of the form AC-<n>` }];
  if (taken.has(ref)) return [{ field, message: `reference ${ref} is already taken` }];
  return [];
}

export function criteriaCountProblems(count: number, field = 'acceptanceCriteria'): FieldProblem[] {
  return count > STORY_LIMITS.maxAcceptanceCriteria
    ? [{ field, message: `a story has at most ${STORY_LIMITS.maxAcceptanceCriteria} acceptance criteria` }]
    : [];
}

/**
 * Tags are trimmed, lower-cased and de-duplicated (first occurrence wins, order kept). Problems
 * name the index in the input (`tags[2]`), or `tags` for the count.
 */
export function normalizeTags(
  input: readonly string[],
  field = 'tags',
): { tags: string[]; problems: FieldProblem[] } {
  const tags: string[] = [];
  const problems: FieldProblem[] = [];
  input.forEach((raw, index) => {
    const tag = raw.trim().toLowerCase();
    if (tag.length === 0) problems.push({ field: `${field}[${index}]`, message: 'must not be empty' });
    else if (tag.length > STORY_LIMITS.tagMaxLength)
      problems.push({
        field: `${field}[${index}]`,
        message: `must be at most ${STORY_LIMITS.tagMaxLength} characters`,
      });
    else if (!tags.includes(tag)) tags.push(tag);
  });
  if (tags.length > STORY_LIMITS.maxTags)
    problems.push({ field, message: `a story has at most ${STORY_LIMITS.maxTags} tags` });
  return { tags, problems };
}

/** Throws one ValidationError listing every problem, if there is any. */
export function rejectIfInvalid(what: string, problems: readonly FieldProblem[]): void {
  if (problems.length === 0) return;
  const summary = problems.map((p) => `${p.field} ${p.message}`).join('; ');
  throw new ValidationError(`invalid ${what}: ${summary}`, problems);
}
