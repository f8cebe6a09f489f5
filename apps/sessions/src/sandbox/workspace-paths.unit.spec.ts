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
    ['GIT~1/config', 'git folder'],
    ['.git', 'git folder'],
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
});
