import fc from 'fast-check';
import { diffDesigns, diffLines } from './design-diff';

/** Applies a unified diff to `a` (a strict little patcher, for checking the output). */
function applyPatch(a: string, patch: string): string {
  if (patch === '') return a;
  // Each line with its own line break (the last one may have none).
  const lines = a.replace(/\r\n/g, '\n').match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const out: string[] = [];
  let cursor = 0;
  const patchLines = patch.split('\n');
  patchLines.pop();
  expect(patchLines[0]).toMatch(/^--- /);
  expect(patchLines[1]).toMatch(/^\+\+\+ /);
  for (let i = 2; i < patchLines.length;) {
    const header = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@$/.exec(patchLines[i++]);
    expect(header).not.toBeNull();
    const startA = Number(header![1]);
    const countA = header![2] === undefined ? 1 : Number(header![2]);
    const firstIndex = countA === 0 ? startA : startA - 1;
    while (cursor < firstIndex) out.push(lines[cursor++]);
    while (i < patchLines.length && !patchLines[i].startsWith('@@')) {
      const line = patchLines[i++];
      const noBreak = patchLines[i] === '\\ No newline at end of file';
      if (noBreak) i++;
      const op = line[0];
      const text = line.slice(1) + (noBreak ? '' : '\n');
      if (op === ' ' || op === '-') expect(lines[cursor++]).toBe(text);
      if (op === ' ' || op === '+') out.push(text);
    }
  }
  while (cursor < lines.length) out.push(lines[cursor++]);
  return out.join('');
}

describe('diffDesigns', () => {
  it('is empty for equal texts', () => {
    expect(diffDesigns('# A\n\ntext\n', '# A\n\ntext\n')).toBe('');
    expect(diffDesigns('', '')).toBe('');
    expect(diffDesigns('a\r\nb\r\n', 'a\nb\n')).toBe('');
  });

  it('shows a changed line with 3 lines of context', () => {
    const a =
      ['# Checkout', '', '## Purpose', '', 'Old purpose.', '', '## Public API', '', 'x', 'y'].join('\n') +
      '\n';
    const b = a.replace('Old purpose.', 'New purpose.');
    expect(diffDesigns(a, b, { fromLabel: 'v1', toLabel: 'v2' })).toBe(
      [
        '--- v1',
        '+++ v2',
        '@@ -2,7 +2,7 @@',
        ' ',
        ' ## Purpose',
        ' ',
        '-Old purpose.',
        '+New purpose.',
        ' ',
        ' ## Public API',
        ' ',
        '',
      ].join('\n'),
    );
  });

  it('separates distant changes into hunks and merges close ones', () => {
    const a = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
    const far = a.replace('line 2\n', 'LINE 2\n').replace('line 18\n', 'LINE 18\n');
    expect(diffDesigns(a, far).match(/^@@/gm)).toHaveLength(2);
    expect(diffDesigns(a, far)).toContain('@@ -1,5 +1,5 @@');
    expect(diffDesigns(a, far)).toContain('@@ -15,6 +15,6 @@');
    const near = a.replace('line 5\n', 'LINE 5\n').replace('line 11\n', 'LINE 11\n');
    expect(diffDesigns(a, near).match(/^@@/gm)).toHaveLength(1);
  });

  it('writes ranges as GNU diff does for additions to and removals from empty texts', () => {
    expect(diffDesigns('', 'a\nb\n')).toBe('--- a\n+++ b\n@@ -0,0 +1,2 @@\n+a\n+b\n');
    expect(diffDesigns('a\n', '')).toBe('--- a\n+++ b\n@@ -1 +0,0 @@\n-a\n');
    expect(diffDesigns('a\nc\n', 'a\nb\nc\n', { context: 0 })).toBe('--- a\n+++ b\n@@ -1,0 +2 @@\n+b\n');
  });

  it('marks a missing final line break', () => {
    expect(diffDesigns('a\nb', 'a\nb\n')).toBe(
      '--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n',
    );
  });

  it('lists removals before additions within a change', () => {
    expect(diffLines('a\nb\nc\n', 'a\nx\ny\nc\n').map((l) => `${l.op}${l.text}`)).toEqual([
      ' a',
      '-b',
      '+x',
      '+y',
      ' c',
    ]);
  });

  it('finds a shortest edit script', () => {
    const script = diffLines('a\nb\nc\na\nb\nb\na\n', 'c\nb\na\nb\na\nc\n');
    expect(script.filter((l) => l.op !== ' ')).toHaveLength(5);
  });

  it('round-trips: applying the diff of a and b to a gives b', () => {
    const text = fc
      .array(fc.constantFrom('# T', '', 'alpha', 'beta', '- item', '## S'), { maxLength: 25 })
      .chain((lines) => fc.constantFrom(lines.join('\n'), lines.join('\n') + '\n'));
    fc.assert(
      fc.property(text, text, fc.integer({ min: 0, max: 4 }), (a, b, context) => {
        expect(applyPatch(a, diffDesigns(a, b, { context }))).toBe(b);
        expect(diffDesigns(a, b) === '').toBe(a === b);
      }),
      { numRuns: 400 },
    );
  });
});
