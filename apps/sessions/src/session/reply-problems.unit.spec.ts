import { expectedForm, replyProblem } from './reply-problems';

const answer = (over: Partial<Parameters<typeof replyProblem>[0]>) => ({
  text: '',
  files: null,
  refusal: null,
  reasoning: null,
  truncated: false,
  ...over,
});

describe('replies with no answer to parse', () => {
  it('classifies cut-off, refused, empty and reasoning-only replies', () => {
    expect(replyProblem(answer({ text: '```ts path=a.ts\nx', truncated: true }))?.code).toBe(
      'REPLY_TRUNCATED',
    );
    expect(replyProblem(answer({ refusal: 'I cannot do that' }))).toEqual({
      code: 'REPLY_REFUSED',
      message: 'the model refused: "I cannot do that"',
    });
    expect(replyProblem(answer({ text: "I'm sorry, I can't help with that." }))?.code).toBe('REPLY_REFUSED');
    expect(replyProblem(answer({ text: '  \n' }))?.code).toBe('REPLY_EMPTY');
    expect(replyProblem(answer({ reasoning: 'First, the tests…' }))?.code).toBe('REPLY_REASONING_ONLY');
  });

  it('leaves a usable reply alone, including an apology followed by the files', () => {
    expect(replyProblem(answer({ text: '```ts path=a.ts\nx\n```' }))).toBeNull();
    expect(replyProblem(answer({ text: 'Sorry, here it is:\n```ts path=a.ts\nx\n```' }))).toBeNull();
    expect(replyProblem(answer({ files: [{ path: 'a.ts', content: 'x' }] }))).toBeNull();
  });

  it('restates the expected form for each way files are asked for', () => {
    expect(expectedForm('tools', 'src/a.ts')).toMatch(/write_file tool once per file/);
    expect(expectedForm('json', 'src/a.ts')).toMatch(/"files": \[\{"path": "src\/a.ts"/);
    expect(expectedForm('fenced', 'src/a.ts')).toMatch(/```typescript path=src\/a.ts/);
  });
});
