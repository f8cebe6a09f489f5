import { checkProposedFiles, parseDesignReply, parseFileBlocks } from './reply-parsing';

describe('parseDesignReply', () => {
  it('unwraps one markdown fence and ignores the prose around it', () => {
    expect(parseDesignReply('Sure!\n\n```markdown\n# A\n\n## Purpose\n\nx\n```\n\nHope it helps.')).toBe(
      '# A\n\n## Purpose\n\nx\n',
    );
  });

  it('keeps a bare document, code fences inside it included', () => {
    const doc = '# A\n\n## Public API\n\n```ts\nf(): void\n```\n';
    expect(parseDesignReply(doc)).toBe(doc);
  });

  it('keeps a fenced document whose own code blocks use a shorter fence', () => {
    expect(parseDesignReply('````markdown\n# A\n\n```ts\nx\n```\n````')).toBe('# A\n\n```ts\nx\n```\n');
  });
});

describe('parseFileBlocks', () => {
  it('takes blocks whose info string names a path, and ignores prose and other blocks', () => {
    const reply = [
      'Here you go:',
      '```typescript path=src/sum.ts',
      'export const sum = (a: number, b: number) => a + b;',
      '```',
      '```bash',
      'node --test',
      '```',
      '~~~ts path="test/sum.test.ts"',
      "import test from 'node:test';",
      '~~~',
    ].join('\n');
    expect(parseFileBlocks(reply)).toEqual({
      files: [
        { path: 'src/sum.ts', content: 'export const sum = (a: number, b: number) => a + b;\n' },
        { path: 'test/sum.test.ts', content: "import test from 'node:test';\n" },
      ],
      rejected: [],
      unnamed: [{ info: 'bash', lines: 1, firstLine: 'node --test' }],
    });
  });

  it('rejects absolute paths and paths that leave the workspace', () => {
    const reply =
      '```ts path=/etc/passwd\nx\n```\n```ts path=../../escape.ts\nx\n```\n```ts path=ok.ts\nx\n```';
    expect(parseFileBlocks(reply)).toEqual({
      files: [{ path: 'ok.ts', content: 'x\n' }],
      rejected: [
        { path: '/etc/passwd', reason: 'is absolute' },
        { path: '../../escape.ts', reason: 'leaves the workspace (..)' },
      ],
      unnamed: [],
    });
  });

  it('rejects a path no store can hold, recording it escaped so that the record itself can be stored', () => {
    const reply =
      '```ts path=src/a\u0000b.ts\nx\n```\n```ts path=src/\ud800.ts\nx\n```\n```ts path=ok.ts\nx\n```';
    const parsed = parseFileBlocks(reply);
    expect(parsed.files).toEqual([{ path: 'ok.ts', content: 'x\n' }]);
    expect(parsed.rejected).toEqual([
      { path: 'src/a\\u0000b.ts', reason: 'must not contain a NUL character (U+0000)' },
      { path: 'src/\\ud800.ts', reason: 'must not contain a lone UTF-16 surrogate (not valid Unicode)' },
    ]);
    expect(checkProposedFiles([{ path: 'x\u0000.ts', content: '' }]).rejected[0].path).toBe('x\\u0000.ts');
    expect(parseFileBlocks('```sh\necho \u0000\n```').unnamed[0].firstLine).toBe('echo \\u0000');
  });

  it('keeps the last block of a path given twice', () => {
    expect(parseFileBlocks('```ts path=a.ts\n1\n```\n```ts path=a.ts\n2\n```').files).toEqual([
      { path: 'a.ts', content: '2\n' },
    ]);
  });
});
