import type { ScriptedLlmServer, ScriptedReply } from '@app/testing/scripted-llm-server';
import { startScriptedLlmServer } from '@app/testing/scripted-llm-server';
import { LlmCallError } from './llm.port';
import type { LlmSettings } from '../sessions-config';
import { OpenAiLlm, redactSecret } from './openai-llm';

const KEY = 'sk-int-secret-0123456789abcdef';

/** The adapter with the real `openai` client over HTTP, against a local scripted endpoint. */
describe('OpenAiLlm against an OpenAI-compatible server', () => {
  let server: ScriptedLlmServer;
  let replies: ScriptedReply[] = [];
  const sleeps: number[] = [];

  beforeAll(async () => {
    server = await startScriptedLlmServer(() => replies.shift() ?? { content: 'default' });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.setTraits({});
    server.requests.length = 0;
    server.refused.length = 0;
    sleeps.length = 0;
  });

  const llm = (overrides: Partial<LlmSettings> = {}) =>
    new OpenAiLlm(
      {
        baseUrl: server.baseUrl,
        apiKey: KEY,
        model: 'scripted-model',
        temperature: 0,
        timeoutMs: 5_000,
        maxRetries: 3,
        filesMode: 'auto',
        maxTokens: null,
        reasoningEffort: null,
        stream: false,
        stallTimeoutMs: 2_000,
        maxContinuations: 2,
        ...overrides,
      },
      async (ms) => {
        sleeps.push(ms);
      },
    );

  it('sends the model, parameters, messages and key, and returns the content with its usage', async () => {
    replies = [{ content: 'hello', promptTokens: 11, completionTokens: 3 }];
    const reply = await llm().complete([
      { role: 'system', content: 'be brief' },
      { role: 'user', content: 'hi' },
    ]);
    expect(reply).toMatchObject({
      content: 'hello',
      model: 'scripted-model-scripted',
      promptTokens: 11,
      completionTokens: 3,
      attempts: 1,
      finishReason: 'stop',
    });
    expect(server.requests[0]).toMatchObject({
      model: 'scripted-model',
      temperature: 0,
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'user', content: 'hi' },
      ],
    });
    expect(server.requests[0].headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('retries 429 (honouring Retry-After) and 5xx with back-off, then succeeds', async () => {
    replies = [{ status: 429, retryAfter: '2' }, { status: 503 }, { content: 'third time' }];
    const reply = await llm().complete([{ role: 'user', content: 'x' }]);
    expect(reply).toMatchObject({ content: 'third time', attempts: 3 });
    expect(server.requests).toHaveLength(3);
    expect(sleeps[0]).toBe(2000);
    expect(sleeps).toHaveLength(2);
  });

  it('gives up after its retries, and does not retry a client error; the key is never in the message', async () => {
    replies = [{ status: 500 }, { status: 500 }];
    const failed = await llm({ maxRetries: 1 })
      .complete([{ role: 'user', content: 'x' }])
      .catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(LlmCallError);
    expect(failed).toMatchObject({ status: 500, attempts: 2 });
    replies = [{ status: 401, body: { error: { message: `Incorrect API key provided: ${KEY}` } } }];
    const refused = (await llm()
      .complete([{ role: 'user', content: 'x' }])
      .catch((e: unknown) => e)) as LlmCallError;
    expect(refused).toMatchObject({ status: 401, attempts: 1 });
    expect(refused.message).not.toContain(KEY);
    expect(refused.message).toContain('[redacted]');
  });

  it('times out a call that does not answer, and retries it', async () => {
    replies = [{ hang: true }, { hang: true }];
    const started = Date.now();
    const failed = (await llm({ timeoutMs: 300, maxRetries: 1 })
      .complete([{ role: 'user', content: 'x' }])
      .catch((e: unknown) => e)) as LlmCallError;
    expect(failed).toBeInstanceOf(LlmCallError);
    expect(failed.attempts).toBe(2);
    // Two 300 ms attempts against a server that never answers; the bound only leaves room for a loaded machine.
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('redactSecret', () => {
  it('removes every occurrence of the key', () => {
    expect(redactSecret(`a ${KEY} b ${KEY}`, KEY)).toBe('a [redacted] b [redacted]');
    expect(redactSecret('nothing', undefined)).toBe('nothing');
  });
});
