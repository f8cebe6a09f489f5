import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

export interface ChatRequest {
  readonly model: string;
  readonly messages: { role: string; content: string }[];
  readonly temperature?: number;
  readonly headers: Record<string, string | string[] | undefined>;
}

/** What the script answers one call with. */
export type ScriptedReply =
  | {
      readonly content: string;
      readonly promptTokens?: number;
      readonly completionTokens?: number;
      readonly delayMs?: number;
    }
  | { readonly status: number; readonly body?: unknown; readonly retryAfter?: string }
  /** Never answer (until the server closes): for crashing a caller mid-call. */
  | { readonly hang: true };

export type Script = (request: ChatRequest, index: number) => ScriptedReply | Promise<ScriptedReply>;

export interface ScriptedLlmServer {
  /** `http://127.0.0.1:<port>/v1`, for OPENAI_BASE_URL. */
  readonly baseUrl: string;
  /** Every request received, in order. */
  readonly requests: ChatRequest[];
  setScript(script: Script): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A local OpenAI-compatible endpoint (`POST /v1/chat/completions`) that the tests start and
 * script: the real `openai` client talks to it over HTTP exactly as it would to a provider.
 */
export async function startScriptedLlmServer(initial: Script): Promise<ScriptedLlmServer> {
  let script = initial;
  const requests: ChatRequest[] = [];
  const open = new Set<ServerResponse>();
  const server: Server = createServer((req, res) => {
    void (async () => {
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
        res
          .writeHead(404, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: { message: 'not found' } }));
        return;
      }
      const body = JSON.parse(await readBody(req)) as Omit<ChatRequest, 'headers'>;
      const request: ChatRequest = { ...body, headers: req.headers };
      const index = requests.push(request) - 1;
      const reply = await script(request, index);
      if ('hang' in reply) {
        open.add(res);
        return;
      }
      if ('status' in reply) {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (reply.retryAfter) headers['retry-after'] = reply.retryAfter;
        res
          .writeHead(reply.status, headers)
          .end(JSON.stringify(reply.body ?? { error: { message: `scripted ${reply.status}` } }));
        return;
      }
      if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
      const promptTokens = reply.promptTokens ?? Math.ceil(JSON.stringify(body.messages).length / 4);
      const completionTokens = reply.completionTokens ?? Math.ceil(reply.content.length / 4);
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          id: `chatcmpl-scripted-${index}`,
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: `${body.model}-scripted`,
          choices: [
            { index: 0, message: { role: 'assistant', content: reply.content }, finish_reason: 'stop' },
          ],
          usage: {
            prompt_tokens: promptTokens,
            completion_tokens: completionTokens,
            total_tokens: promptTokens + completionTokens,
          },
        }),
      );
    })().catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    setScript(next) {
      script = next;
    },
    async close() {
      for (const res of open) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
