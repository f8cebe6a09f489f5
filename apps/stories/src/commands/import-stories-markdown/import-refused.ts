import { DomainError } from '@app/domain';
import type { ImportProblem } from './import-plan';

/** The most problems one refusal lists (`extensions.problemCount` says how many there were). */
export const MAX_REPORTED_PROBLEMS = 100;

/**
 * A refused import (nothing was created): every problem, located by story index, title and line,
 * in `extensions.problems` (the first MAX_REPORTED_PROBLEMS), their number in
 * `extensions.problemCount`, and the first in the message.
 */
export function importRefused(problems: readonly ImportProblem[], storyCount: number): DomainError {
  const shown = problems.slice(0, MAX_REPORTED_PROBLEMS);
  const stories = new Set(problems.map((p) => p.index)).size;
  const first = problems[0];
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more, in extensions.problems)` : '';
  return new DomainError(
    'BAD_USER_INPUT',
    `nothing was imported: ${problems.length} problem(s) in ${stories} of the ${storyCount} stories; ` +
      `story ${first.index + 1} "${first.title}" (line ${first.line}): ${first.field} ${first.message}${more}`,
    {
      problems: shown.map((p) => ({ ...p })),
      problemCount: problems.length,
      details: shown.map((p) => ({
        field: `stories[${p.index}].${p.field}`,
        message: `"${p.title}" (line ${p.line}): ${p.message}`,
      })),
    },
  );
}
