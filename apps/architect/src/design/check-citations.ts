import { criterionCitations } from '@app/domain';
import type { DesignError } from './design-error';

/** A criterion of a story linked to the component, as design validation needs it. */
export interface LinkedCriterion {
  readonly ref: string;
  readonly description: string;
  readonly storyTitle: string;
}

/** Test Assertions cite every criterion of the linked stories, and only those. */
export function checkCitations(
  testAssertions: readonly string[],
  criteria: readonly LinkedCriterion[],
  componentName: string,
  errors: DesignError[],
): void {
  const known = new Set(criteria.map((criterion) => criterion.ref));
  const cited = new Set(testAssertions.flatMap((assertion) => criterionCitations(assertion).refs));
  for (const ref of cited)
    if (!known.has(ref))
      errors.push({
        code: 'unknown-criterion',
        message: `[${ref}] is not an acceptance criterion of a story linked to ${componentName}`,
        section: 'Test Assertions',
      });
  for (const criterion of criteria)
    if (!cited.has(criterion.ref))
      errors.push({
        code: 'uncited-criterion',
        message: `${criterion.ref} of "${criterion.storyTitle}" (${criterion.description}) is cited by no test assertion; end an assertion that verifies it with [${criterion.ref}]`,
        section: 'Test Assertions',
      });
}
