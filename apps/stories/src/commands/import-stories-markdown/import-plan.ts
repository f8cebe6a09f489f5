import type { LocatedMarkdownStory, MarkdownStory } from '@app/domain';
import { normalizeLine, ValidationError } from '@app/domain';
import { assignCriterionRefs } from '../../story/criterion-refs';
import { STORY_LIMITS } from '../../story/story.validation';
import { decideCreateStory } from '../create-story/create-story.decide';

/** What to do with a title the project or the document already has. */
export type DuplicateTitles = 'REFUSE' | 'NUMBER';

/** One problem of an import, located: the story's index in the document (from 0), its title and its heading's line. */
export interface ImportProblem {
  readonly index: number;
  readonly title: string;
  readonly line: number;
  readonly field: string;
  readonly message: string;
}

export interface ImportPlan {
  /** The title each story is created with (numbered when asked). */
  readonly titles: readonly string[];
  readonly problems: readonly ImportProblem[];
}

/**
 * Every problem of a document's stories, found before anything is written: each story's own (the
 * rules of creating it, with its criteria's references as a fresh project would give them), and a
 * title taken twice, in the document or already in the project (case aside, as the project's unique
 * index compares them). With `NUMBER` a repeated title becomes "<title> (2)", "(3)", …: the first
 * one free.
 */
export function planImport(
  stories: readonly LocatedMarkdownStory[],
  takenTitles: Iterable<string>,
  onDuplicateTitle: DuplicateTitles,
): ImportPlan {
  const taken = new Map<string, number | null>([...takenTitles].map((title) => [title.toLowerCase(), null]));
  const problems: ImportProblem[] = [];
  const titles = stories.map((story, index) => {
    const title = normalizeLine(story.title);
    const where = { index, title, line: story.line };
    const holder = taken.get(title.toLowerCase());
    if (holder === undefined) {
      taken.set(title.toLowerCase(), index);
      return title;
    }
    if (onDuplicateTitle === 'NUMBER') {
      const numbered = firstFreeNumbered(title, taken);
      taken.set(numbered.toLowerCase(), index);
      return numbered;
    }
    const other = holder === null ? 'another story of the project' : `story ${holder + 1} of the document`;
    problems.push({ ...where, field: 'title', message: `"${title}" is already the title of ${other}` });
    return title;
  });
  stories.forEach((story, index) => {
    const where = { index, title: titles[index], line: story.line };
    for (const problem of ownProblems(story, titles[index])) problems.push({ ...where, ...problem });
  });
  return { titles, problems: problems.sort((a, b) => a.index - b.index) };
}

function firstFreeNumbered(title: string, taken: ReadonlyMap<string, unknown>): string {
  for (let n = 2; ; n += 1) {
    const suffix = ` (${n})`;
    const numbered = `${title.slice(0, STORY_LIMITS.titleMaxLength - suffix.length)}${suffix}`;
    if (!taken.has(numbered.toLowerCase())) return numbered;
  }
}

/** What creating the story would refuse, by the same decision. */
function ownProblems(story: MarkdownStory, title: string): { field: string; message: string }[] {
  const { refs } = assignCriterionRefs(
    0,
    story.acceptanceCriteria.map((criterion) => criterion.ref),
  );
  try {
    decideCreateStory(
      {
        type: 'CreateStory',
        storyId: 'import-check',
        projectId: 'import-check',
        title,
        description: story.description,
        acceptanceCriteria: story.acceptanceCriteria.map((criterion, i) => ({
          id: `criterion-${i}`,
          ref: refs[i],
          description: criterion.description,
        })),
        tags: [],
        at: new Date(0).toISOString(),
      },
      null,
    );
    return [];
  } catch (error) {
    if (error instanceof ValidationError) return [...error.problems];
    throw error;
  }
}
