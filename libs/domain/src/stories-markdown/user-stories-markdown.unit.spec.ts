import fc from 'fast-check';
import { isCriterionRef } from '../values/criterion-ref';
import { ValidationError } from '../errors/domain-error';
import { normalizeLine, normalizeDescription } from './story-text';
import type { MarkdownStory } from './user-stories-markdown';
import { exportStoriesMarkdown, parseStoriesMarkdown } from './user-stories-markdown';

/** Criteria without references (as written by hand, or recorded before references existed). */
const plain = (...descriptions: string[]) => descriptions.map((description) => ({ description }));

const stories: MarkdownStory[] = [
  {
    title: 'Export stories as markdown',
    description:
      'As a product owner, I want to export stories so that I can share them.\n\nSecond paragraph.',
    acceptanceCriteria: [
      { ref: 'AC-1', description: 'The export lists every story' },
      { ref: 'AC-2', description: 'Criteria are bullets' },
    ],
  },
  {
    title: 'Log in',
    description: 'As a user, I want to log in so that I see my work.',
    acceptanceCriteria: [],
  },
];

const expected = `# CodeMySpec

## Export stories as markdown

As a product owner, I want to export stories so that I can share them.

Second paragraph.

### Acceptance Criteria

- AC-1: The export lists every story
- AC-2: Criteria are bullets

## Log in

As a user, I want to log in so that I see my work.
`;

function problemOf(markdown: string): string {
  try {
    parseStoriesMarkdown(markdown);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    const problems = (error as ValidationError).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0].field).toBe('markdown');
    return problems[0].message;
  }
  throw new Error('expected a ValidationError');
}

describe('exportStoriesMarkdown', () => {
  it('writes the user_stories.md layout with a trailing newline', () => {
    expect(exportStoriesMarkdown('CodeMySpec', stories)).toBe(expected);
  });

  it('leaves out a blank project heading, and gives nothing for nothing', () => {
    expect(exportStoriesMarkdown('  ', [stories[1]])).toBe(
      '## Log in\n\nAs a user, I want to log in so that I see my work.\n',
    );
    expect(exportStoriesMarkdown('', [])).toBe('');
    expect(exportStoriesMarkdown('P', [])).toBe('# P\n');
  });

  it('writes canonical text: one-line titles and criteria, the description as written (LF, no blank edges)', () => {
    expect(
      exportStoriesMarkdown('', [
        {
          title: ' Two\nlines ',
          description: '\r\n  First   \r\n\r\n\r\nSecond\n',
          acceptanceCriteria: plain('  wrapped\r\ncriterion ', '   '),
        },
      ]),
    ).toBe('## Two lines\n\n  First   \n\n\nSecond\n\n### Acceptance Criteria\n\n- wrapped criterion\n');
  });

  it('titles a blank-titled story "Untitled" and skips a story without description', () => {
    expect(exportStoriesMarkdown('', [{ title: ' ', description: '', acceptanceCriteria: plain('a') }])).toBe(
      '## Untitled\n\n### Acceptance Criteria\n\n- a\n',
    );
  });

  it('escapes description lines that would read as structure, and checkbox-like criteria', () => {
    const markdown = exportStoriesMarkdown('', [
      {
        title: 'Tricky',
        description: '## not a story\n### Acceptance criteria:\n\\## already escaped\n# fine\n### Notes',
        acceptanceCriteria: plain('[x] literally', '\\[ ] backslash', '[link](x)'),
      },
    ]);
    expect(markdown).toBe(
      [
        '## Tricky',
        '',
        '\\## not a story',
        '\\### Acceptance criteria:',
        '\\\\## already escaped',
        '# fine',
        '### Notes',
        '',
        '### Acceptance Criteria',
        '',
        '- \\[x] literally',
        '- \\\\[ ] backslash',
        '- [link](x)',
        '',
      ].join('\n'),
    );
    expect(parseStoriesMarkdown(markdown)).toEqual([
      {
        title: 'Tricky',
        description: '## not a story\n### Acceptance criteria:\n\\## already escaped\n# fine\n### Notes',
        acceptanceCriteria: plain('[x] literally', '\\[ ] backslash', '[link](x)'),
      },
    ]);
  });
});

describe('criterion references', () => {
  it('writes a reference before its criterion and reads it back; escapes reference-like plain text', () => {
    const markdown = exportStoriesMarkdown('', [
      {
        title: 'Refs',
        description: '',
        acceptanceCriteria: [
          { ref: 'AC-12', description: '[x] kept as written' },
          { description: 'AC-3: only looks like one' },
          { ref: 'AC-0', description: 'malformed reference dropped' },
        ],
      },
    ]);
    expect(markdown).toBe(
      '## Refs\n\n### Acceptance Criteria\n\n- AC-12: [x] kept as written\n- \\AC-3: only looks like one\n- malformed reference dropped\n',
    );
    expect(parseStoriesMarkdown(markdown)[0].acceptanceCriteria).toEqual([
      { ref: 'AC-12', description: '[x] kept as written' },
      { description: 'AC-3: only looks like one' },
      { description: 'malformed reference dropped' },
    ]);
  });

  it('reads references behind checkboxes, and leaves a malformed one in the text', () => {
    expect(
      parseStoriesMarkdown('## S\n### Acceptance Criteria\n- [ ] AC-4: checked later\n- AC-04: odd')[0]
        .acceptanceCriteria,
    ).toEqual([{ ref: 'AC-4', description: 'checked later' }, { description: 'AC-04: odd' }]);
  });
});

describe('parseStoriesMarkdown', () => {
  it('reads an export back', () => {
    expect(parseStoriesMarkdown(expected)).toEqual(stories);
  });

  it('tolerates CRLF, a BOM, * and + bullets, checkboxes, blank lines around a description and trailing spaces in headings', () => {
    const markdown = [
      '\uFEFF',
      '# Project   ',
      '',
      '',
      '##   Export stories  ',
      '',
      '',
      'As a user,   ',
      'I want exports',
      '',
      '',
      '',
      'so that I can share.',
      '###  acceptance criteria:',
      '* [ ] first',
      '',
      '+ [x] second',
      '- [X]',
      '-    third   ',
      '',
      '## Next',
    ].join('\r\n');
    expect(parseStoriesMarkdown(markdown)).toEqual([
      {
        title: 'Export stories',
        description: 'As a user,   \nI want exports\n\n\n\nso that I can share.',
        acceptanceCriteria: plain('first', 'second', 'third'),
      },
      { title: 'Next', description: '', acceptanceCriteria: [] },
    ]);
  });

  it('reads a story without a criteria section, and an empty document', () => {
    expect(parseStoriesMarkdown('## Only a title')).toEqual([
      { title: 'Only a title', description: '', acceptanceCriteria: [] },
    ]);
    expect(parseStoriesMarkdown('')).toEqual([]);
    expect(parseStoriesMarkdown('\n# Heading only\n\n')).toEqual([]);
  });

  it('joins wrapped (continued or indented) bullet lines', () => {
    expect(
      parseStoriesMarkdown(
        '## S\n\n### Acceptance Criteria\n\n- a long\ncriterion\n  still going\n-  b\n\n   indented after a gap',
      )[0].acceptanceCriteria,
    ).toEqual(plain('a long criterion still going', 'b indented after a gap'));
  });

  it('keeps other headings and bullets inside a description', () => {
    expect(
      parseStoriesMarkdown('## S\n\n# Big\n### Notes\n- not a criterion\n#### Deep')[0].description,
    ).toBe('# Big\n### Notes\n- not a criterion\n#### Deep');
  });

  describe('rejects with the line number', () => {
    it('text before the first story', () => {
      expect(problemOf('\nSome intro\n## Story')).toBe(
        'line 2: expected a "## " story heading; only one "# " heading may come before the first story',
      );
    });

    it('a second heading or a deeper heading before the first story', () => {
      expect(problemOf('# One\n# Two\n## Story')).toMatch(/^line 2: /);
      expect(problemOf('### Acceptance Criteria\n- a')).toMatch(/^line 1: /);
    });

    it('a story heading without a title', () => {
      expect(problemOf('## One\n\n##   \ntext')).toBe('line 3: a story heading ("## ") needs a title');
      expect(problemOf('##')).toBe('line 1: a story heading ("## ") needs a title');
    });

    it('a loose paragraph or a heading in the criteria section', () => {
      expect(problemOf('## S\n### Acceptance Criteria\n- a\n\nLoose text')).toBe(
        'line 5: expected a "- " criterion in the Acceptance Criteria section',
      );
      expect(problemOf('## S\n### Acceptance Criteria\nNo bullet')).toMatch(/^line 3: /);
      expect(problemOf('## S\n### Acceptance Criteria\n- a\n### Notes')).toBe(
        'line 4: only "- " criteria may follow "### Acceptance Criteria" within a story',
      );
    });

    it('with a ValidationError whose message names the problem', () => {
      expect(() => parseStoriesMarkdown('oops')).toThrow(/cannot read the stories markdown: line 1: /);
    });
  });
});

/** Strings rich in markdown-significant fragments, plus arbitrary unicode. */
const trickyText = fc.oneof(
  fc.string({
    unit: fc.constantFrom(
      'a',
      'Z',
      ' ',
      '  ',
      '\t',
      '\n',
      '\r\n',
      '\r',
      '#',
      '## ',
      '### Acceptance Criteria',
      '\\',
      '- ',
      '* ',
      '[x] ',
      '[ ]',
      '\u00a0',
      '\u2028',
      '\uFEFF',
      'é',
      '😀',
    ),
    maxLength: 40,
  }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

const markdownStory: fc.Arbitrary<MarkdownStory> = fc.record({
  title: trickyText,
  description: trickyText,
  acceptanceCriteria: fc.array(
    fc.record(
      { ref: fc.constantFrom('AC-1', 'AC-23', 'AC-0', 'ac-2'), description: trickyText },
      { requiredKeys: ['description'] },
    ),
    { maxLength: 5 },
  ),
});

describe('round trip (property)', () => {
  it('export(parse(export(x))) === export(x)', () => {
    fc.assert(
      fc.property(trickyText, fc.array(markdownStory, { maxLength: 4 }), (projectName, input) => {
        const exported = exportStoriesMarkdown(projectName, input);
        expect(exportStoriesMarkdown(projectName, parseStoriesMarkdown(exported))).toBe(exported);
      }),
      { numRuns: 1_000 },
    );
  });

  it('parse(export(x)) gives back x for stories in canonical form (as the story decider stores them)', () => {
    const canonical = markdownStory
      .map((story) => ({
        title: normalizeLine(story.title),
        description: normalizeDescription(story.description),
        acceptanceCriteria: story.acceptanceCriteria
          .map((c) => ({
            ...(c.ref !== undefined && isCriterionRef(c.ref) ? { ref: c.ref } : {}),
            description: normalizeLine(c.description),
          }))
          .filter((c) => c.description.length > 0),
      }))
      .filter((story) => story.title.length > 0);
    fc.assert(
      fc.property(fc.array(canonical, { maxLength: 4 }), (input) => {
        expect(parseStoriesMarkdown(exportStoriesMarkdown('Project', input))).toEqual(input);
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('text fidelity (property)', () => {
  /** Lines a real backlog has: code fences, blank lines inside them, hard breaks, headings, lists, odd characters. */
  const markdownLine = fc.oneof(
    fc.constantFrom(
      '```',
      '```python',
      '',
      '   ',
      'Traceback (most recent call last):',
      '  File "app.py", line 3, in <module>',
      'first line of a hard break  ',
      '## looks like a story',
      '### Acceptance Criteria',
      '\\## already escaped',
      '- a list item',
      '* [ ] a checkbox',
      '    indented code',
      '\tTabbed',
      'AC-1: not a criterion here',
      'zero\uFEFFwidth and\u00A0nbsp',
      '> quoted',
    ),
    fc.string({ maxLength: 12 }),
  );
  const edge = (line: string) => !/^[ \t]*$/.test(line);
  const description = fc
    .tuple(fc.array(markdownLine, { minLength: 1, maxLength: 12 }), fc.constantFrom('\n', '\r\n'))
    .filter(([lines]) => edge(lines[0]) && edge(lines[lines.length - 1]) && !/[ \t]$/.test(lines.at(-1)!))
    .filter(([lines]) => lines.every((line) => !/[\r\n]/.test(line)))
    .map(([lines, eol]) => lines.join(eol));

  it('keeps a description exactly as written, line endings aside, through storage and the markdown round trip', () => {
    fc.assert(
      fc.property(description, (written) => {
        const expected = written.replace(/\r\n/g, '\n');
        expect(normalizeDescription(written)).toBe(expected);
        const story = { title: 'Crash', description: normalizeDescription(written), acceptanceCriteria: [] };
        expect(parseStoriesMarkdown(exportStoriesMarkdown('P', [story]))).toEqual([story]);
      }),
      { numRuns: 2_000 },
    );
  });

  it('keeps a U+FEFF and other non-ASCII spaces inside a title', () => {
    expect(normalizeLine('Launch\uFEFFDarkly\u00A0flag ')).toBe('Launch\uFEFFDarkly\u00A0flag');
    const story = { title: '\uFEFFLaunch Darkly flag', description: '', acceptanceCriteria: [] };
    expect(parseStoriesMarkdown(exportStoriesMarkdown('', [story]))).toEqual([story]);
  });
});
