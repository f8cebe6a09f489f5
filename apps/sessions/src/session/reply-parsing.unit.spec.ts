import { parseDesignReply, parseFileBlocks } from './reply-parsing';

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

  it('keeps the last block of a path given twice', () => {
    expect(parseFileBlocks('```ts path=a.ts\n1\n```\n```ts path=a.ts\n2\n```').files).toEqual([
      { path: 'a.ts', content: '2\n' },
    ]);
  });
});
