import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChatRequest, ScriptedAnswer, ScriptedReply } from '@app/testing/scripted-llm-server';
import { design, nameIn, phaseOf, refsIn } from './scripted-model';

const CORPUS = join(__dirname, '../fixtures/model-replies');
const fixture = (file: string) => readFileSync(join(CORPUS, file), 'utf8');

/** One answer of a scenario: a reply from the corpus, tool calls, or nothing but reasoning. */
export type CorpusAnswer =
  | {
      readonly reply: string;
      readonly finishReason?: 'length';
      readonly usage?: 'none';
      readonly reasoning?: string;
      /** Streamed slowly: this long before each chunk. */
      readonly chunkDelayMs?: number;
    }
  | { readonly tools: readonly { readonly path: string; readonly file: string }[] }
  | { readonly empty: true; readonly reasoning?: string }
  /** The valid design the scripted model writes (citing the prompt's criteria). */
  | { readonly design: true };

export interface CorpusScenario {
  readonly name: string;
  /** The behaviour of real models it stands for. */
  readonly behaviour: string;
  readonly endpoint: 'fenced-only' | 'tools-only';
  /** Answers to the DESIGN calls, in order (the last repeats); the default is a valid design. */
  readonly design?: readonly CorpusAnswer[];
  /** Answers to the TESTS and CODE calls, in order (the last repeats); the default is the documented form. */
  readonly tests?: readonly CorpusAnswer[];
  readonly code?: readonly CorpusAnswer[];
  /** A first reply that cannot be used: its step fails with this code and the retry is told why. */
  readonly firstFails?: {
    readonly phase: 'tests' | 'code';
    readonly code: string;
    readonly feedback: string;
  };
}

const TESTS_TOOL = { path: 'test/totals.test.ts', file: 'tests-tool-content.txt' };
const CODE_TOOL = { path: 'src/totals.ts', file: 'code-tool-content.txt' };

export const SCENARIOS: readonly CorpusScenario[] = [
  {
    name: 'path-attribute',
    behaviour: 'the documented form, path= in the info string',
    endpoint: 'fenced-only',
  },
  {
    name: 'named-attributes',
    behaviour: 'filename="…" and title=… in the info string',
    endpoint: 'fenced-only',
    tests: [{ reply: 'tests-filename-attribute.md' }],
    code: [{ reply: 'code-title-attribute.md' }],
  },
  {
    name: 'heading-above-fence',
    behaviour: 'a heading (plain or backticked) names the file above the fence',
    endpoint: 'fenced-only',
    tests: [{ reply: 'tests-heading.md' }],
    code: [{ reply: 'code-heading-backticked.md' }],
  },
  {
    name: 'bold-above-fence',
    behaviour: 'a bold path or a **File:** label above the fence, with chatty prose',
    endpoint: 'fenced-only',
    tests: [{ reply: 'tests-bold.md' }],
    code: [{ reply: 'code-bold-label.md' }],
  },
  {
    name: 'first-line-comment',
    behaviour: 'a first-line comment names the file',
    endpoint: 'fenced-only',
    tests: [{ reply: 'tests-first-line-comment.md' }],
    code: [{ reply: 'code-first-line-comment.md' }],
  },
  {
    name: 'cut-off-and-continued',
    behaviour: 'the reply stops at the token limit mid-line; the continuation repeats that line',
    endpoint: 'fenced-only',
    code: [{ reply: 'code-cut-off-part-1.md', finishReason: 'length' }, { reply: 'code-cut-off-part-2.md' }],
  },
  {
    name: 'reasoning-model',
    behaviour: 'a reasoning model: refuses temperature, thinks in a separate field, reports no usage',
    endpoint: 'fenced-only',
    tests: [{ reply: 'tests-heading.md', reasoning: 'Two assertions, so two tests.', usage: 'none' }],
    code: [{ reply: 'code-path-attribute.md', reasoning: 'Sum price times quantity.', usage: 'none' }],
  },
  {
    name: 'refusal-then-answer',
    behaviour: 'a plain-text refusal, then an answer once told why',
    endpoint: 'fenced-only',
    tests: [{ reply: 'tests-refusal.md' }, { reply: 'tests-path-attribute.md' }],
    firstFails: {
      phase: 'tests',
      code: 'REPLY_REFUSED',
      feedback: 'The previous reply was not used: the model refused',
    },
  },
  {
    name: 'unnamed-blocks-then-named',
    behaviour: 'blocks that name no file: fed back with what was found',
    endpoint: 'fenced-only',
    tests: [{ reply: 'tests-unnamed-blocks.md' }, { reply: 'tests-heading.md' }],
    firstFails: {
      phase: 'tests',
      code: 'REPLY_NO_FILES',
      feedback: 'a fenced block ```typescript of 11 line(s) that names no file',
    },
  },
  {
    name: 'outside-layout-then-right',
    behaviour: 'a TESTS reply with code and an escaping path: both refused with reasons',
    endpoint: 'fenced-only',
    tests: [{ reply: 'tests-outside-layout.md' }, { reply: 'tests-path-attribute.md' }],
    firstFails: {
      phase: 'tests',
      code: 'REPLY_NO_FILES',
      feedback: 'src/totals.ts, refused: a TESTS session writes test files only',
    },
  },
  {
    name: 'empty-then-answer',
    behaviour: 'an empty reply',
    endpoint: 'fenced-only',
    code: [{ empty: true }, { reply: 'code-path-attribute.md' }],
    firstFails: {
      phase: 'code',
      code: 'REPLY_EMPTY',
      feedback: 'The previous reply was not used: the reply was empty',
    },
  },
  {
    name: 'reasoning-only-then-answer',
    behaviour: 'only reasoning and no answer',
    endpoint: 'fenced-only',
    code: [{ empty: true, reasoning: 'I should sum the lines…' }, { reply: 'code-first-line-comment.md' }],
    firstFails: { phase: 'code', code: 'REPLY_REASONING_ONLY', feedback: 'the reply held only reasoning' },
  },
  {
    name: 'design-refusal-then-design',
    behaviour: 'a refusal instead of a design: validation says so and the revision is told why',
    endpoint: 'fenced-only',
    design: [{ reply: 'design-refusal.md' }, { design: true }],
  },
  {
    name: 'slow-stream',
    behaviour: 'a slow model: the reply streams over seconds and its tokens show as they arrive',
    endpoint: 'fenced-only',
    code: [{ reply: 'code-bold-label.md', chunkDelayMs: 400 }],
  },
  {
    name: 'tool-calls',
    behaviour: 'an endpoint that takes tools: files come as write_file calls',
    endpoint: 'tools-only',
    tests: [{ tools: [TESTS_TOOL] }],
    code: [{ tools: [CODE_TOOL] }],
  },
  {
    name: 'tool-calls-outside-layout',
    behaviour: 'write_file calls that include a path the step may not write: refused, the rest written',
    endpoint: 'tools-only',
    tests: [{ tools: [TESTS_TOOL, { path: '../outside.test.ts', file: 'tests-tool-content.txt' }] }],
    code: [{ tools: [CODE_TOOL, { path: 'test/totals.test.ts', file: 'tests-tool-content.txt' }] }],
  },
];

const DEFAULTS: Record<'design' | 'tests' | 'code', CorpusAnswer> = {
  design: { design: true },
  tests: { reply: 'tests-path-attribute.md' },
  code: { reply: 'code-path-attribute.md' },
};

function toReply(answer: CorpusAnswer, request: ChatRequest): ScriptedAnswer {
  if ('design' in answer) return { content: design(nameIn(request), true, refsIn(request)) };
  if ('tools' in answer)
    return {
      toolCalls: answer.tools.map((t) => ({
        name: 'write_file',
        arguments: JSON.stringify({ path: t.path, content: fixture(t.file) }),
      })),
    };
  if ('empty' in answer) return { content: '', reasoning: answer.reasoning };
  return {
    content: fixture(answer.reply),
    finishReason: answer.finishReason,
    usage: answer.usage,
    reasoning: answer.reasoning,
    chunkDelayMs: answer.chunkDelayMs,
  };
}

export const scenarioTag = (name: string) => `[scenario: ${name}]`;
const scenarioIn = (request: ChatRequest) =>
  /\[scenario: ([\w-]+)\]/.exec(request.messages.map((m) => m.content ?? '').join('\n'))?.[1];

/** The capability probe of the adapter: a write_file call (or JSON) naming probe.txt. */
function probeAnswer(request: ChatRequest): ScriptedReply | null {
  if (!JSON.stringify(request.messages).includes('probe.txt')) return null;
  if (request.tools)
    return { toolCalls: [{ name: 'write_file', arguments: '{"path":"probe.txt","content":"ok"}' }] };
  return { content: '{"files":[{"path":"probe.txt","content":"ok"}]}' };
}

/** The scripted endpoint of the corpus: each project's component names its scenario. */
export function corpusResponder() {
  const served = new Map<string, number>();
  return (request: ChatRequest): ScriptedReply => {
    const probe = probeAnswer(request);
    if (probe) return probe;
    const phase = phaseOf(request);
    const scenario = SCENARIOS.find((s) => s.name === scenarioIn(request));
    if (!scenario) return { status: 400, body: { error: { message: 'no scenario in the prompt' } } };
    const kind = phase.startsWith('design') ? 'design' : phase.startsWith('tests') ? 'tests' : 'code';
    const answers = scenario[kind] ?? [DEFAULTS[kind]];
    const key = `${scenario.name}/${kind}`;
    const index = served.get(key) ?? 0;
    served.set(key, index + 1);
    return toReply(answers[Math.min(index, answers.length - 1)], request);
  };
}
