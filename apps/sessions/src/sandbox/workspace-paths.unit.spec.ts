import fc from 'fast-check';
import { checkWorkspacePath, validateWorkspaceFiles } from './workspace-paths';

describe('workspace paths', () => {
  it.each([
    'src/sum.ts',
    'test/sum.test.ts',
    'a.md',
    '.eslintrc.json',
    'deep/er/file.ts',
    '.gitignore',
    '.github/workflows/ci.yml',
    'src/git/index.ts',
  ])('accepts %s', (path) => {
    expect(checkWorkspacePath(path)).toBeNull();
  });

  it.each([
    ['/etc/passwd', 'absolute'],
    ['C:/x.ts', 'absolute'],
    ['../x.ts', '..'],
    ['src/../../x.ts', '..'],
    ['src//x.ts', 'empty'],
    ['./x.ts', '"."'],
    ['src/', 'empty'],
    ['a\\b.ts', 'backslash'],
    ['a\nb.ts', 'control'],
    ['.codemyspec/x', 'reserved'],
    ['', 'empty'],
    ['.git/config', 'git folder'],
    ['.GIT/hooks/pre-commit', 'git folder'],
    ['src/.git/config', 'git folder'],
    ['vendor/lib/.Git/HEAD', 'git folder'],
    ['.git./config', 'git folder'],
    ['.git /config', 'git folder'],
    ['.g\u200cit/config', 'git folder'],
    ['GIT~1/config', 'short name'],
    ['.git', 'git folder'],
    ['.git::$INDEX_ALLOCATION/hooks/pre-commit', 'colon'],
    ['.git:stream', 'colon'],
    ['GI7EBA~1/config', 'short name'],
    ['.CodeMySpec/x', 'reserved'],
    ['src/.CODEMYSPEC/x', 'reserved'],
    ['.g\u0131t/config', 'plain ASCII'],
    ['\uff0e\uff47\uff49\uff54/config', 'git folder'],
    ['%2egit/config', 'percent-encoded'],
    ['%2E%2E/x.ts', 'percent-encoded'],
    ['src/a\u0000.ts', 'NUL'],
    ['src/\ud800.ts', 'surrogate'],
    ['\uff0e\uff0e/x.ts', '".."'],
    ['a\uff0fb.ts', 'separator'],
  ])('refuses %j (%s)', (path, why) => {
    expect(checkWorkspacePath(path)).toContain(why);
  });

  it('lists every problem of an upload with the field it concerns', () => {
    expect(() =>
      validateWorkspaceFiles([
        { path: 'ok.ts', content: '' },
        { path: '../escape.ts', content: '' },
        { path: 'ok.ts', content: '' },
      ]),
    ).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        problems: [
          { field: 'files[1].path', message: '"../escape.ts" leaves the workspace (..)' },
          { field: 'files[2].path', message: '"ok.ts" is given twice' },
        ],
      }),
    );
  });

  it('refuses a file and a folder of the same name in one upload', () => {
    expect(() =>
      validateWorkspaceFiles([
        { path: 'src', content: 'a file' },
        { path: 'src/a.ts', content: '' },
      ]),
    ).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        problems: [
          {
            field: 'files[1].path',
            message: '"src/a.ts" needs a folder "src", but "src" is also given as a file',
          },
        ],
      }),
    );
  });

  describe('one policy for every form of a reserved folder (property-based)', () => {
    const HOMOGLYPHS: Record<string, string[]> = {
      '.': ['\uff0e', '\u2024', '\ufe52'],
      g: ['\u0261', '\uff47', '\u0581'],
      i: ['\u0131', '\u0456', '\uff49', '\u00ed', '\u0269'],
      t: ['\uff54', '\u0442', '\u0163'],
      c: ['\u0441', '\uff43'],
      o: ['\u043e', '\uff4f', '\u03bf'],
      e: ['\u0435', '\uff45'],
      s: ['\u0455', '\uff53'],
      p: ['\u0440', '\uff50'],
    };
    const IGNORABLES = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad'];

    /** `name` as an attacker could write it: case, look-alikes, ignorables, NTFS tails, encodings. */
    const disguised = (name: string) =>
      fc
        .tuple(
          fc.array(fc.tuple(fc.boolean(), fc.nat(), fc.constantFrom('', ...IGNORABLES)), {
            minLength: name.length,
            maxLength: name.length,
          }),
          fc.constantFrom('', '.', ' ', '..', '. ', '::$INDEX_ALLOCATION', ':stream', '::$DATA'),
          fc.constantFrom('plain', 'percent', 'look-alike'),
        )
        .map(([letters, tail, form]) => {
          let lookAlikeUsed = false;
          const body = [...name]
            .map((char, index) => {
              const [upper, pick, ignorable] = letters[index];
              const choices = HOMOGLYPHS[char];
              if (form === 'look-alike' && choices && (pick % 2 === 0 || (!lookAlikeUsed && index === 1))) {
                lookAlikeUsed = true;
                return choices[pick % choices.length] + ignorable;
              }
              if (form === 'percent' && char === '.') return (upper ? '%2E' : '%2e') + ignorable;
              return (upper ? char.toUpperCase() : char) + ignorable;
            })
            .join('');
          return body + tail;
        });

    const plainSegment = fc.stringMatching(/^[a-z0-9_-]{1,12}(\.[a-z]{1,4})?$/);
    const inPath = (segment: fc.Arbitrary<string>) =>
      fc
        .tuple(
          fc.array(plainSegment, { maxLength: 3 }),
          segment,
          fc.array(plainSegment, { minLength: 1, maxLength: 2 }),
        )
        .map(([before, middle, after]) => [...before, middle, ...after].join('/'));

    it.each(['.git', '.codemyspec'])('refuses %s in any disguise, at any depth', (name) => {
      fc.assert(
        fc.property(inPath(disguised(name)), (path) => {
          expect(checkWorkspacePath(path)).not.toBeNull();
        }),
        { numRuns: 2_000 },
      );
    });

    it('refuses NTFS short names of git in any case', () => {
      fc.assert(
        fc.property(
          inPath(
            fc
              .tuple(fc.constantFrom('git', 'GIT', 'Git', 'gi7eba', 'GI7EBA'), fc.integer({ min: 1, max: 9 }))
              .map(([n, i]) => `${n}~${i}`),
          ),
          (path) => {
            expect(checkWorkspacePath(path)).toContain('short name');
          },
        ),
      );
    });

    it('accepts ordinary paths, dot-files included', () => {
      const dotFile = fc.constantFrom(
        '.gitignore',
        '.github',
        '.eslintrc.json',
        '.gitattributes',
        '.env.example',
        '.gitkeep',
      );
      fc.assert(
        fc.property(inPath(fc.oneof(plainSegment, dotFile)), (path) => {
          expect(checkWorkspacePath(path)).toBeNull();
        }),
        { numRuns: 1_000 },
      );
    });
  });
});
