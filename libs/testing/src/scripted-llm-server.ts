import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { completionBody, completionChunks } from './scripted-llm/completion-wire';
import type {
  ChatRequest,
  EndpointTraits,
  ScriptedAnswer,
  ScriptedReply,
} from './scripted-llm/scripted-reply';
import { refusalOf } from './scripted-llm/scripted-reply';

export type {
  ChatRequest,
  EndpointTraits,
  ScriptedAnswer,
  ScriptedReply,
} from './scripted-llm/scripted-reply';

export type Script = (request: ChatRequest, index: number) => ScriptedReply | Promise<ScriptedReply>;

export interface ScriptedLlmServer {
  /** `http://127.0.0.1:<port>/v1`, for OPENAI_BASE_URL. */
  readonly baseUrl: string;
  /** Every request the script answered, in order. */
  readonly requests: ChatRequest[];
  /** Requests the endpoint refused itself (a feature or a parameter it does not support). */
  readonly refused: ChatRequest[];
  setScript(script: Script): void;
  setTraits(traits: EndpointTraits): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A local OpenAI-compatible endpoint (`POST /v1/chat/completions`) that the tests start and
 * script: the real `openai` client talks to it over HTTP exactly as it would to a provider —
 * whole or streamed (server-sent events), with tool calls, reasoning fields, cut-off replies and
 * the 400s real servers answer for what they do not support.
 */
export async function startScriptedLlmServer(
  initial: Script,
  initialTraits: EndpointTraits = {},
): Promise<ScriptedLlmServer> {
  let script = initial;
  let traits = initialTraits;
  const requests: ChatRequest[] = [];
  const refused: ChatRequest[] = [];
  const open = new Set<ServerResponse>();

  async function answer(
    res: ServerResponse,
    body: Omit<ChatRequest, 'headers'>,
    reply: ScriptedAnswer,
    index: number,
  ) {
    if (reply.delayMs) await sleep(reply.delayMs);
    const tokens: [number, number] = [
      reply.promptTokens ?? Math.ceil(JSON.stringify(body.messages).length / 4),
      reply.completionTokens ??
        Math.ceil(((reply.content ?? '').length + JSON.stringify(reply.toolCalls ?? []).length) / 4),
    ];
    const model = `${body.model}-scripted`;
    if (!body.stream) return json(res, 200, completionBody(reply, model, index, tokens));
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const chunks = completionChunks(reply, model, index, tokens, body.stream_options?.include_usage === true);
    for (const [n, chunk] of chunks.entries()) {
      if (reply.stallAfterChunks !== undefined && n >= reply.stallAfterChunks) {
        open.add(res);
        return;
      }
      if (reply.chunkDelayMs) await sleep(reply.chunkDelayMs);
      res.write(`data: ${JSON.stringify(chunk)}\n\n`);
    }
    res.end('data: [DONE]\n\n');
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions'))
        return json(res, 404, { error: { message: 'not found' } });
      const body = JSON.parse(await readBody(req)) as Omit<ChatRequest, 'headers'>;
      const request: ChatRequest = { ...body, headers: req.headers };
      const refusal = refusalOf(body, traits);
      if (refusal) {
        refused.push(request);
        return json(res, 400, { error: { message: refusal, type: 'invalid_request_error' } });
      }
      const index = requests.push(request) - 1;
      const reply = await script(request, index);
      if ('hang' in reply) {
        open.add(res);
        return;
      }
      if ('status' in reply) {
        return json(res, reply.status, reply.body ?? { error: { message: `scripted ${reply.status}` } }, {
          ...(reply.retryAfter ? { 'retry-after': reply.retryAfter } : {}),
        });
      }
      await answer(res, body, reply, index);
    })().catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    refused,
    setScript(next) {
      script = next;
    },
    setTraits(next) {
      traits = next;
    },
    async close() {
      for (const res of open) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
