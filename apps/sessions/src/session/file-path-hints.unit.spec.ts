import { pathFromFirstLine, pathFromInfo, pathFromLineBefore } from './file-path-hints';

describe('where a reply names the file of a fenced block', () => {
  it('reads the info string: attributes quoted or not, or a bare path', () => {
    expect(pathFromInfo('typescript path=src/a.ts')).toBe('src/a.ts');
    expect(pathFromInfo('ts file="src/a b.ts"')).toBe('src/a b.ts');
    expect(pathFromInfo("ts filename='test/a.test.ts'")).toBe('test/a.test.ts');
    expect(pathFromInfo('title=src/a.ts')).toBe('src/a.ts');
    expect(pathFromInfo('ts src/a.ts')).toBe('src/a.ts');
    expect(pathFromInfo('typescript:src/a.ts')).toBe('src/a.ts');
    expect(pathFromInfo('src/a.ts')).toBe('src/a.ts');
    expect(pathFromInfo('typescript')).toBeNull();
    expect(pathFromInfo('')).toBeNull();
  });

  it('reads the line above the fence: heading, bold, backticks, a label, a trailing colon', () => {
    expect(pathFromLineBefore('### src/a.ts')).toBe('src/a.ts');
    expect(pathFromLineBefore('**src/a.ts**')).toBe('src/a.ts');
    expect(pathFromLineBefore('`src/a.ts`:')).toBe('src/a.ts');
    expect(pathFromLineBefore('Here is `src/a.ts`:')).toBe('src/a.ts');
    expect(pathFromLineBefore('**File:** `src/a.ts`')).toBe('src/a.ts');
    expect(pathFromLineBefore('File: ./src/a.ts')).toBe('src/a.ts');
    expect(pathFromLineBefore('1. src/a.ts:')).toBe('src/a.ts');
    expect(pathFromLineBefore('Here is the implementation.')).toBeNull();
    expect(pathFromLineBefore('Compare `a.ts` and `b.ts`:')).toBeNull();
    expect(pathFromLineBefore(null)).toBeNull();
  });

  it('reads a first-line comment naming the file, and removes that line', () => {
    expect(pathFromFirstLine('// src/a.ts\nx')).toEqual({ path: 'src/a.ts', body: 'x' });
    expect(pathFromFirstLine('# path: tools/run.py\nprint()')).toEqual({
      path: 'tools/run.py',
      body: 'print()',
    });
    expect(pathFromFirstLine('<!-- docs/a.md -->\n# A')).toEqual({ path: 'docs/a.md', body: '# A' });
    expect(pathFromFirstLine('/* src/a.css */\nbody {}')).toEqual({ path: 'src/a.css', body: 'body {}' });
    expect(pathFromFirstLine('// adds the totals\nx')).toBeNull();
    expect(pathFromFirstLine('# Title\nx')).toBeNull();
  });

  it('keeps a hostile path as named, for the workspace check to refuse with its reason', () => {
    expect(pathFromInfo('ts path=/etc/passwd')).toBe('/etc/passwd');
    expect(pathFromLineBefore('### ../../escape.ts')).toBe('../../escape.ts');
  });
});
