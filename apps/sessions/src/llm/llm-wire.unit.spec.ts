import { chatBody } from './chat-body';
import { addChunk, emptyCompletion, readCompletion, usageOf } from './completion-reader';
import { joinContinuation } from './continuation';
import { filesFromJson, filesFromToolCalls } from './structured-files';
import { learnFromRefusal, NO_QUIRKS, omittedParameters } from './vendor-quirks';

const parameters = { model: 'm', temperature: 0, maxTokens: 100, reasoningEffort: 'low' };

describe('the wire of an OpenAI-compatible call', () => {
  it('builds the body with the parameters this model takes, and how files are asked for', () => {
    const body = chatBody([{ role: 'user', content: 'q' }], parameters, NO_QUIRKS, {
      stream: true,
      ask: 'tools',
    });
    expect(body).toMatchObject({
      temperature: 0,
      max_completion_tokens: 100,
      reasoning_effort: 'low',
      stream: true,
      stream_options: { include_usage: true },
      tool_choice: 'required',
    });
    const quirks = { ...NO_QUIRKS, omitTemperature: true, tokensField: 'max_tokens' as const };
    const plain = chatBody([], { ...parameters, maxTokens: null }, quirks, { stream: false, ask: 'json' });
    expect(Object.keys(plain).sort()).toEqual(['messages', 'model', 'reasoning_effort', 'response_format']);
  });

  it('learns from a 400 naming a parameter, once per parameter', () => {
    const sent = ['model', 'temperature', 'max_completion_tokens'];
    const noTemperature = learnFromRefusal(400, "Unsupported parameter: 'temperature'", NO_QUIRKS, sent);
    expect(noTemperature).toMatchObject({ omitTemperature: true });
    expect(learnFromRefusal(400, "Unsupported parameter: 'temperature'", noTemperature!, sent)).toBeNull();
    expect(
      learnFromRefusal(400, 'Unrecognized request argument supplied: max_completion_tokens', NO_QUIRKS, sent),
    ).toMatchObject({ tokensField: 'max_tokens' });
    expect(learnFromRefusal(500, "'temperature'", NO_QUIRKS, sent)).toBeNull();
    expect(learnFromRefusal(400, 'invalid model', NO_QUIRKS, sent)).toBeNull();
    expect(omittedParameters(noTemperature!)).toEqual(['temperature']);
  });

  it('reads whole and streamed completions alike, reasoning and usage under any name', () => {
    const whole = readCompletion({
      id: 'c1',
      model: 'm',
      choices: [{ message: { content: 'hi', reasoning: 'why' }, finish_reason: 'stop' }],
      usage: { input_tokens: 3, output_tokens: 1 },
    });
    expect(whole).toMatchObject({ content: 'hi', reasoning: 'why', usage: { prompt: 3, completion: 1 } });
    const raw = emptyCompletion();
    for (const chunk of [
      { id: 'c2', choices: [{ delta: { reasoning_content: 'th' } }] },
      {
        choices: [
          {
            delta: {
              content: 'a',
              tool_calls: [{ index: 0, function: { name: 'write_file', arguments: '{"pa' } }],
            },
          },
        ],
      },
      {
        choices: [
          {
            delta: { tool_calls: [{ index: 0, function: { arguments: 'th":1}' } }] },
            finish_reason: 'length',
          },
        ],
      },
      { choices: [], usage: { prompt_tokens: 4, completion_tokens: 2 } },
    ])
      addChunk(raw, chunk);
    expect(raw).toMatchObject({
      id: 'c2',
      content: 'a',
      reasoning: 'th',
      toolCalls: [{ name: 'write_file', arguments: '{"path":1}' }],
      finishReason: 'length',
      usage: { prompt: 4, completion: 2 },
    });
    expect(usageOf(undefined)).toBeNull();
  });

  it('joins a continuation that repeats the unfinished line, or not', () => {
    expect(joinContinuation('a\n  return sum +', '  return sum + x;\n}')).toBe('a\n  return sum + x;\n}');
    expect(joinContinuation('const value = comp', 'uted();')).toBe('const value = computed();');
  });

  it('reads files from tool calls and JSON replies, reporting what it cannot read', () => {
    expect(filesFromToolCalls([{ name: 'write_file', arguments: '{"path":"a.ts","content":"x"}' }])).toEqual({
      files: [{ path: 'a.ts', content: 'x' }],
      error: null,
    });
    expect(filesFromToolCalls([{ name: 'write_file', arguments: '{"path":"a.ts","cont' }]).error).toMatch(
      /not \{"path", "content"\} JSON/,
    );
    expect(filesFromToolCalls([]).error).toBe('the reply made no write_file call');
    expect(filesFromJson('```json\n{"files":[{"path":"a.ts","content":"x"}]}\n```').files).toEqual([
      { path: 'a.ts', content: 'x' },
    ]);
    expect(filesFromJson('no json').error).toBe('the reply is not a JSON object');
  });
});
