import type { LlmReply } from '../llm/llm.port';
import { answerFromBlob, replyBlob } from './recorded-answer';

const reply = (over: Partial<LlmReply>): LlmReply => ({
  content: '',
  files: null,
  filesError: null,
  reasoning: null,
  refusal: null,
  truncated: false,
  continuations: 0,
  model: 'm',
  promptTokens: 1,
  completionTokens: 1,
  usageEstimated: false,
  finishReason: 'stop',
  responseId: null,
  attempts: 1,
  omittedParameters: [],
  ...over,
});
const probed = (mode: 'tools' | 'json' | 'fenced') => ({
  mode,
  source: 'probe' as const,
  detail: '',
  at: 'T',
});

/** A resumed step reads its recorded reply back exactly as the live call gave it. */
describe('the recorded reply of a call', () => {
  it('round-trips structured files through the reply blob', () => {
    const files = [{ path: 'src/a.ts', content: 'x\n' }];
    const blob = replyBlob(reply({ files, content: 'note' }), true);
    expect(answerFromBlob(blob, { filesMode: probed('tools') })).toMatchObject({
      text: 'note',
      files,
      filesForm: 'tools',
    });
  });

  it('keeps a text reply as it came, with its refusal and cut-off, for calls recorded before files modes', () => {
    const blob = replyBlob(reply({ content: '```ts path=a.ts\nx\n```' }), false);
    expect(blob).toBe('```ts path=a.ts\nx\n```');
    expect(answerFromBlob(blob, { refusal: 'no', truncated: true })).toEqual({
      text: blob,
      files: null,
      filesError: null,
      refusal: 'no',
      reasoning: null,
      truncated: true,
      filesForm: null,
    });
    expect(answerFromBlob(blob, { filesMode: probed('fenced') }).filesForm).toBe('fenced');
  });
});
