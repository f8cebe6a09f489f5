import { splitCommand, testArgv } from './test-command';

describe('splitCommand', () => {
  it('splits words with quotes and escapes, as a shell would, without a shell', () => {
    expect(splitCommand(`node --test  'a b.test.ts' "c \\"d\\".ts" e\\ f`)).toEqual([
      'node',
      '--test',
      'a b.test.ts',
      'c "d".ts',
      'e f',
    ]);
  });

  it.each(['node --test; rm -rf /', 'node $(id)', 'node --test | cat', 'node > out', "node 'open"])(
    'refuses shell syntax: %s',
    (command) => {
      expect(() => splitCommand(command)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    },
  );

  it('refuses an empty command', () => {
    expect(() => splitCommand('   ')).toThrow(/empty/);
  });
});

describe('testArgv', () => {
  it('adds a TAP report file and the spec reporter to node --test', () => {
    expect(testArgv('node --test --test-timeout=5000 test/')).toEqual({
      argv: [
        'node',
        '--test',
        '--test-reporter=tap',
        '--test-reporter-destination=/sandbox/report/report.tap',
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        '--test-timeout=5000',
        'test/',
      ],
      reportFile: '/sandbox/report/report.tap',
    });
  });

  it('leaves other commands, and commands naming their own reporters, alone', () => {
    expect(testArgv('node run.mjs')).toEqual({ argv: ['node', 'run.mjs'], reportFile: null });
    expect(testArgv('node --test --test-reporter=tap')).toEqual({
      argv: ['node', '--test', '--test-reporter=tap'],
      reportFile: null,
    });
  });
});
