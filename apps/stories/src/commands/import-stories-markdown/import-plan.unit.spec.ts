import { readStoriesMarkdown } from '@app/domain';
import { planImport } from './import-plan';
import { importRefused, MAX_REPORTED_PROBLEMS } from './import-refused';

const story = (title: string, description = 'As a user I want it so that it works') =>
  `## ${title}\n\n${description}\n\n### Acceptance Criteria\n\n- it works\n`;

describe('planImport', () => {
  it('names every problem with the story’s index, title and line, not only the first', () => {
    const markdown = [
      story('Fix broken links'),
      story('Long log', 'x'.repeat(100_001)),
      story('fix broken links'),
      story('Taken'),
      story('Longer log', 'y'.repeat(128_590)),
    ].join('\n');
    const plan = planImport(readStoriesMarkdown(markdown), ['TAKEN'], 'REFUSE');
    expect(plan.problems).toEqual([
      {
        index: 1,
        title: 'Long log',
        line: 9,
        field: 'description',
        message: 'must be at most 100000 characters',
      },
      {
        index: 2,
        title: 'fix broken links',
        line: 17,
        field: 'title',
        message: '"fix broken links" is already the title of story 1 of the document',
      },
      {
        index: 3,
        title: 'Taken',
        line: 25,
        field: 'title',
        message: '"Taken" is already the title of another story of the project',
      },
      {
        index: 4,
        title: 'Longer log',
        line: 33,
        field: 'description',
        message: 'must be at most 100000 characters',
      },
    ]);
  });

  it('numbers repeated titles when asked, with the first number free', () => {
    const markdown = [
      story('Fix broken links'),
      story('Fix broken links'),
      story('Taken'),
      story('Fix broken links'),
    ].join('\n');
    const plan = planImport(
      readStoriesMarkdown(markdown),
      ['Taken', 'taken (2)', 'Fix broken links (3)'],
      'NUMBER',
    );
    expect(plan.problems).toEqual([]);
    expect(plan.titles).toEqual([
      'Fix broken links',
      'Fix broken links (2)',
      'Taken (3)',
      'Fix broken links (4)',
    ]);
  });

  it('keeps a numbered title within the title limit', () => {
    const long = 'T'.repeat(200);
    const plan = planImport(readStoriesMarkdown([story(long), story(long)].join('\n')), [], 'NUMBER');
    expect(plan.titles[1]).toBe(`${'T'.repeat(196)} (2)`);
    expect(plan.problems).toEqual([]);
  });

  it('finds a story’s own problems by the rules of creating it (criteria included)', () => {
    const markdown = `## Criteria\n\n### Acceptance Criteria\n\n- AC-3: one\n- AC-3: ${'z'.repeat(1_001)}\n`;
    expect(planImport(readStoriesMarkdown(markdown), [], 'REFUSE').problems).toEqual([
      {
        index: 0,
        title: 'Criteria',
        line: 1,
        field: 'acceptanceCriteria[1]',
        message: 'must be at most 1000 characters',
      },
    ]);
  });
});

describe('importRefused', () => {
  it('lists at most the cap, counts them all and names the first in its message', () => {
    const problems = Array.from({ length: 250 }, (_, index) => ({
      index,
      title: `Story ${index + 1}`,
      line: index * 8 + 1,
      field: 'description',
      message: 'must be at most 100000 characters',
    }));
    const error = importRefused(problems, 300);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe(
      'nothing was imported: 250 problem(s) in 250 of the 300 stories; story 1 "Story 1" (line 1): description must be at most 100000 characters (and 249 more, in extensions.problems)',
    );
    expect(error.details.problemCount).toBe(250);
    expect(error.details.problems).toHaveLength(MAX_REPORTED_PROBLEMS);
  });
});
