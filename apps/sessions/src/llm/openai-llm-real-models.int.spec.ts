import type { ScriptedLlmServer, ScriptedReply } from '@app/testing/scripted-llm-server';
import { startScriptedLlmServer } from '@app/testing/scripted-llm-server';
import type { LlmSettings } from '../sessions-config';
import { LlmCallError } from './llm.port';
import { OpenAiLlm } from './openai-llm';

const FILE = { path: 'src/a.ts', content: 'export const a = 1;\n' };

/** The adapter against what real endpoints do: streams, tools, JSON, reasoning, cut-offs, quirks. */
describe('OpenAiLlm against real-model behaviour (scripted endpoint, real openai client)', () => {
  let server: ScriptedLlmServer;
  let replies: ScriptedReply[] = [];

  beforeAll(async () => {
    server = await startScriptedLlmServer(() => replies.shift() ?? { content: 'default' });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.setTraits({});
    server.requests.length = 0;
    server.refused.length = 0;
  });

  const llm = (overrides: Partial<LlmSettings> = {}) =>
    new OpenAiLlm(
      {
        baseUrl: server.baseUrl,
        apiKey: 'sk-real-models-test-key',
        model: 'scripted-model',
        temperature: 0.2,
        timeoutMs: 5_000,
        maxRetries: 1,
        filesMode: 'auto',
        maxTokens: null,
        reasoningEffort: null,
        stream: true,
        stallTimeoutMs: 2_000,
        maxContinuations: 2,
        ...overrides,
      },
      async () => undefined,
    );

  it('streams by default, with usage, and reports progress as the chunks arrive', async () => {
    replies = [{ content: 'x'.repeat(400), promptTokens: 9, completionTokens: 100 }];
    const progress: number[] = [];
    const reply = await llm({ stream: true }).complete([{ role: 'user', content: 'hi' }], {
      onProgress: (p) => progress.push(p.tokens),
    });
    expect(server.requests[0]).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(reply).toMatchObject({
      content: 'x'.repeat(400),
      promptTokens: 9,
      completionTokens: 100,
      usageEstimated: false,
    });
  });

  it('probes tools first and reads files from write_file calls; caches the probe', async () => {
    server.setTraits({ tools: true, jsonSchema: true });
    const model = llm();
    replies = [
      { toolCalls: [{ name: 'write_file', arguments: '{"path":"probe.txt","content":"ok"}' }] },
      { toolCalls: [{ name: 'write_file', arguments: JSON.stringify(FILE) }] },
    ];
    const capability = await model.filesCapability();
    expect(capability).toMatchObject({ mode: 'tools', source: 'probe' });
    expect(await model.filesCapability()).toBe(capability);
    const reply = await model.complete([{ role: 'user', content: 'write' }], { files: 'tools' });
    expect(reply.files).toEqual([FILE]);
    expect(server.requests[1]).toMatchObject({ tool_choice: 'required' });
    expect(server.requests[1].tools?.[0].function.name).toBe('write_file');
  });

  it('falls back to a JSON-schema reply, then to fenced text, as the endpoint refuses each', async () => {
    server.setTraits({ jsonSchema: true });
    replies = [{ content: '{"files":[{"path":"probe.txt","content":"ok"}]}' }];
    expect(await llm().filesCapability()).toMatchObject({
      mode: 'json',
      detail: expect.stringContaining('tools: HTTP 400'),
    });
    replies = [{ content: JSON.stringify({ files: [FILE] }) }];
    expect((await llm().complete([{ role: 'user', content: 'w' }], { files: 'json' })).files).toEqual([FILE]);
    server.setTraits({});
    expect(await llm().filesCapability()).toMatchObject({ mode: 'fenced' });
    expect(server.refused.filter((r) => r.tools).length).toBeGreaterThan(0);
    expect(await llm({ filesMode: 'tools' }).filesCapability()).toMatchObject({
      mode: 'tools',
      source: 'override',
    });
  });

  it('leaves out what a reasoning model refuses (temperature, max_tokens), remembers it, and keeps its reasoning apart', async () => {
    server.setTraits({ rejects: ['temperature', 'max_completion_tokens'] });
    const model = llm({ maxTokens: 500, reasoningEffort: 'low' });
    replies = [{ content: 'answer', reasoning: 'let me think', reasoningField: 'reasoning_content' }];
    const reply = await model.complete([{ role: 'user', content: 'q' }]);
    expect(reply).toMatchObject({ content: 'answer', reasoning: 'let me think' });
    expect(reply.omittedParameters.sort()).toEqual(['max_completion_tokens', 'temperature']);
    expect(server.requests[0]).toMatchObject({ max_tokens: 500, reasoning_effort: 'low' });
    expect(server.requests[0].temperature).toBeUndefined();
    replies = [{ content: 'again', reasoning: 'hmm', reasoningField: 'reasoning' }];
    const refusedBefore = server.refused.length;
    expect(await model.complete([{ role: 'user', content: 'q' }])).toMatchObject({ reasoning: 'hmm' });
    expect(server.refused.length).toBe(refusedBefore);
  });

  it('retries every call that was refused for a quirk another call learned meanwhile', async () => {
    server.setTraits({ rejects: ['temperature'] });
    const model = llm({ stream: false });
    replies = Array.from({ length: 4 }, (_, i) => ({ content: `answer ${i}` }));
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => model.complete([{ role: 'user', content: 'q' }])),
    );
    expect(answers.map((a) => a.content).sort()).toEqual(['answer 0', 'answer 1', 'answer 2', 'answer 3']);
    expect(server.refused.length).toBe(4);
    expect(answers.every((a) => a.omittedParameters.includes('temperature'))).toBe(true);
  });

  it('counts usage under either name, and estimates (flagged) when the endpoint reports none', async () => {
    replies = [{ content: 'abc', usage: 'input_output', promptTokens: 5, completionTokens: 2 }];
    expect(await llm({ stream: false }).complete([{ role: 'user', content: 'q' }])).toMatchObject({
      promptTokens: 5,
      completionTokens: 2,
      usageEstimated: false,
    });
    replies = [{ content: 'a'.repeat(40), usage: 'none' }];
    const reply = await llm().complete([{ role: 'user', content: 'q' }]);
    expect(reply.usageEstimated).toBe(true);
    expect(reply.completionTokens).toBeGreaterThan(0);
  });

  it('continues a reply cut off at the token limit and joins it; fails the bound as truncated', async () => {
    replies = [
      { content: '```ts path=src/a.ts\nexport const a', finishReason: 'length' },
      { content: 'export const a = 1;\n```', finishReason: 'stop' },
    ];
    const joined = await llm().complete([{ role: 'user', content: 'q' }]);
    expect(joined).toMatchObject({
      content: '```ts path=src/a.ts\nexport const a = 1;\n```',
      truncated: false,
      continuations: 1,
    });
    expect(server.requests[1].messages.at(-2)).toMatchObject({ role: 'assistant' });
    replies = [
      { content: 'one ', finishReason: 'length' },
      { content: 'two ', finishReason: 'length' },
    ];
    expect(await llm({ maxContinuations: 1 }).complete([{ role: 'user', content: 'q' }])).toMatchObject({
      truncated: true,
      continuations: 1,
    });
  });

  it('abandons a stalled stream and retries it, then gives up with the reason', async () => {
    replies = [
      { content: 'a'.repeat(200), stallAfterChunks: 2 },
      { content: 'b'.repeat(200), stallAfterChunks: 2 },
    ];
    const started = Date.now();
    const failed = (await llm({ stallTimeoutMs: 300 })
      .complete([{ role: 'user', content: 'q' }])
      .catch((e: unknown) => e)) as LlmCallError;
    expect(failed).toBeInstanceOf(LlmCallError);
    expect(failed.message).toMatch(/stalled/);
    expect(failed.attempts).toBe(2);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
