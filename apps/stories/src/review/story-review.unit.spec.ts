import type { ReviewableStory } from './story-review';
import { REVIEW_RULES, reviewStory, SEVERITY_PENALTY } from './story-review';

const good: ReviewableStory = {
  title: 'Export stories as markdown',
  description: 'As a product owner, I want to export stories so that I can share them.',
  acceptanceCriteria: [
    { description: 'The export contains every story of the project' },
    { description: 'The export finishes within 2 seconds for 500 stories' },
  ],
};

const rulesOf = (story: ReviewableStory, siblings: string[] = []) =>
  reviewStory(story, siblings).findings.map((f) => `${f.rule}:${f.severity}`);

describe('reviewStory', () => {
  it('gives a well-formed story 100 and no findings', () => {
    expect(reviewStory(good, ['Import stories from markdown', good.title])).toEqual({
      score: 100,
      findings: [],
    });
  });

  it('accepts plain strings as criteria', () => {
    expect(reviewStory({ ...good, acceptanceCriteria: ['The export lists every story'] }).score).toBe(100);
  });

  describe('story-format', () => {
    it.each([
      'as a user i want to log in so that i see my data',
      'As an admin,\nI want to invite people,\nso that my team can join.',
      'AS THE OWNER I WANT reports SO THAT I can decide',
      '**As a** developer, **I want** logs, **so that** I can debug.',
      'As developers, I want CI so that builds are checked.\n\nMore detail follows here.',
    ])('accepts %j', (description) => {
      expect(rulesOf({ ...good, description })).toEqual([]);
    });

    it('is an ERROR for an empty description or one with none of the parts', () => {
      expect(reviewStory({ ...good, description: '  ' }).findings).toEqual([
        {
          rule: 'story-format',
          severity: 'ERROR',
          message: 'The description is empty; write it as "As a …, I want …, so that …".',
        },
      ]);
      expect(reviewStory({ ...good, description: 'Export all the stories.' }).findings).toEqual([
        {
          rule: 'story-format',
          severity: 'ERROR',
          message: 'The description does not follow "As a …, I want …, so that …".',
        },
      ]);
    });

    it('is a WARNING naming the missing parts', () => {
      expect(reviewStory({ ...good, description: 'As a user, I want to export stories.' }).findings).toEqual([
        {
          rule: 'story-format',
          severity: 'WARNING',
          message: 'The description is missing "so that …" (why).',
        },
      ]);
      expect(
        reviewStory({ ...good, description: 'I want exports so that I can share.' }).findings[0].message,
      ).toBe('The description is missing "As a …" (who).');
      expect(reviewStory({ ...good, description: 'As a user I need exports.' }).findings[0].message).toBe(
        'The description is missing "I want …" (what) and "so that …" (why).',
      );
    });

    it('is a WARNING when the parts are out of order', () => {
      expect(
        reviewStory({ ...good, description: 'As a user, so that I can share, I want to export stories.' })
          .findings,
      ).toEqual([
        {
          rule: 'story-format',
          severity: 'WARNING',
          message: 'The description should read "As a …, I want …, so that …", in that order.',
        },
      ]);
    });
  });

  describe('has-acceptance-criteria', () => {
    it('is an ERROR without criteria', () => {
      expect(reviewStory({ ...good, acceptanceCriteria: [] })).toEqual({
        score: 75,
        findings: [
          {
            rule: 'has-acceptance-criteria',
            severity: 'ERROR',
            message: 'The story has no acceptance criteria; add at least one testable criterion.',
          },
        ],
      });
    });
  });

  describe('testable-criteria', () => {
    it.each([
      'The page loads fast',
      'Search is quick and easy',
      'The UI is user-friendly',
      'Setup is intuitive',
      'The layout is responsive',
      'The API is robust, scalable and efficient',
      'Syncing is seamless',
      'Filters are flexible',
      'Creating a story is SIMPLE',
    ])('flags %j', (criterion) => {
      expect(rulesOf({ ...good, acceptanceCriteria: [criterion] })).toEqual(['testable-criteria:WARNING']);
    });

    it.each([
      'The page loads fast (under 200 ms)',
      'Search returns quickly, within 2 s',
      'Checkout is easy: at most three clicks',
      'The service is scalable to 10,000 users',
      'It is efficient: CPU stays below 50%',
      'The upload is fast for files up to 5 MB',
      'The dashboard is responsive in seconds',
      'Forecasts are accurate', // no vague word at all
      'The breakfast menu is shown', // "fast" inside a word
      'Fast-forward skips to the end', // a compound, not the vague word
    ])('does not flag %j', (criterion) => {
      expect(rulesOf({ ...good, acceptanceCriteria: [criterion] })).toEqual([]);
    });

    it('names the criterion and its vague words, one finding per criterion in order', () => {
      const review = reviewStory({
        ...good,
        acceptanceCriteria: ['Works offline', 'Is fast, FAST and robust', 'Looks simple'],
      });
      expect(review.findings.map((f) => f.message)).toEqual([
        'Acceptance criterion 2 "Is fast, FAST and robust" uses vague wording (fast, robust) without a measurable target; say how much, e.g. a time, count or percentage.',
        'Acceptance criterion 3 "Looks simple" uses vague wording (simple) without a measurable target; say how much, e.g. a time, count or percentage.',
      ]);
      expect(review.score).toBe(80);
    });

    it('shortens long criteria in the message', () => {
      const long = `The system is robust ${'and keeps working '.repeat(10)}`;
      expect(reviewStory({ ...good, acceptanceCriteria: [long] }).findings[0].message).toMatch(
        /^Acceptance criterion 1 "The system is robust and keeps working.{20,}…" uses vague/,
      );
    });
  });

  describe('title-length', () => {
    it('warns about a title under 10 or over 80 characters', () => {
      expect(reviewStory({ ...good, title: 'Export' }).findings).toEqual([
        {
          rule: 'title-length',
          severity: 'WARNING',
          message: 'The title is too short (6 characters; aim for 10–80).',
        },
      ]);
      expect(reviewStory({ ...good, title: 'x'.repeat(81) }).findings).toEqual([
        {
          rule: 'title-length',
          severity: 'WARNING',
          message: 'The title is too long (81 characters; aim for 10–80).',
        },
      ]);
    });

    it('accepts exactly 10 and 80 characters, measured after trimming', () => {
      expect(rulesOf({ ...good, title: '  0123456789  ' })).toEqual([]);
      expect(rulesOf({ ...good, title: 'x'.repeat(80) })).toEqual([]);
    });
  });

  describe('story-size', () => {
    it('suggests splitting a story with more than 8 criteria', () => {
      const criteria = (n: number) => Array.from({ length: n }, (_, i) => `Criterion number ${i + 1} holds`);
      expect(rulesOf({ ...good, acceptanceCriteria: criteria(8) })).toEqual([]);
      expect(reviewStory({ ...good, acceptanceCriteria: criteria(9) }).findings).toEqual([
        {
          rule: 'story-size',
          severity: 'WARNING',
          message:
            'The story has 9 acceptance criteria (more than 8); consider splitting it into smaller stories.',
        },
      ]);
    });
  });

  describe('near-duplicate-title', () => {
    it('warns about sibling titles at least 0.8 similar, most similar first', () => {
      const review = reviewStory(good, [
        'Import stories from a file',
        'export stories as Markdown!', // same words: 1.00
        'Export story as markdown', // one edit away in words/characters
        good.title, // itself
      ]);
      expect(review.findings).toEqual([
        {
          rule: 'near-duplicate-title',
          severity: 'WARNING',
          message:
            'The title is nearly the same as "export stories as Markdown!" (similarity 1.00); merge the stories or make the difference clear.',
        },
        {
          rule: 'near-duplicate-title',
          severity: 'WARNING',
          message:
            'The title is nearly the same as "Export story as markdown" (similarity 0.88); merge the stories or make the difference clear.',
        },
      ]);
    });

    it('catches reordered words by token similarity', () => {
      expect(rulesOf(good, ['Markdown export stories as'])).toEqual(['near-duplicate-title:WARNING']);
    });

    it('ignores dissimilar, empty and repeated titles', () => {
      expect(rulesOf(good, ['Log in with GitHub', '', '   ', 'Log in with GitHub'])).toEqual([]);
      expect(rulesOf(good, ['Export stories as markdown!', 'Export stories as markdown!'])).toHaveLength(1);
    });
  });

  describe('score', () => {
    it('subtracts the documented penalty per finding', () => {
      expect(SEVERITY_PENALTY).toEqual({ ERROR: 25, WARNING: 10, INFO: 2 });
      // story-format ERROR (25) + has-acceptance-criteria ERROR (25) + title-length WARNING (10)
      expect(reviewStory({ title: 'Short', description: 'Nothing', acceptanceCriteria: [] }).score).toBe(40);
    });

    it('never goes below 0', () => {
      const review = reviewStory({
        title: 'x',
        description: '',
        acceptanceCriteria: Array.from({ length: 12 }, (_, i) => `Fast thing ${'abc'[i % 3]}`),
      });
      expect(review.findings.length).toBeGreaterThan(10);
      expect(review.score).toBe(0);
    });

    it('lists findings by rule order and is deterministic', () => {
      const story: ReviewableStory = {
        title: 'Tiny',
        description: 'As a user I want stuff',
        acceptanceCriteria: Array.from({ length: 9 }, (_, i) =>
          i % 2 === 0 ? `Easy thing ${'abcdefghi'[i]}` : `Ok ${i}`,
        ),
      };
      const siblings = ['Tiny!', 'Tinny'];
      const first = reviewStory(story, siblings);
      expect(reviewStory(story, [...siblings])).toEqual(first);
      const order = first.findings.map((f) => REVIEW_RULES.indexOf(f.rule));
      expect(order).toEqual([...order].sort((a, b) => a - b));
      // every rule but has-acceptance-criteria (which needs zero criteria) fires here
      expect([...new Set(first.findings.map((f) => f.rule))]).toEqual(
        REVIEW_RULES.filter((rule) => rule !== 'has-acceptance-criteria'),
      );
    });
  });
});
