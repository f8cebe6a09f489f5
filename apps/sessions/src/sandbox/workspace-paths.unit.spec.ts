import { checkWorkspacePath, validateWorkspaceFiles } from './workspace-paths';

describe('workspace paths', () => {
  it.each(['src/sum.ts', 'test/sum.test.ts', 'a.md', '.eslintrc.json', 'deep/er/file.ts'])(
    'accepts %s',
    (path) => {
      expect(checkWorkspacePath(path)).toBeNull();
    },
  );

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
});
