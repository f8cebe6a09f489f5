import type { Ask } from './chat-body';
import type { RawCompletion } from './completion-reader';
import { LlmCallError } from './llm.port';
import type { FilesCapability, LlmMessage } from './llm.port';
import { filesFromJson, filesFromToolCalls } from './structured-files';

/** One probe exchange: the messages, how to ask, and the completion (or the call's error). */
export type ProbeExchange = (messages: LlmMessage[], ask: Ask) => Promise<RawCompletion>;

const PROBE_TOOLS: LlmMessage[] = [
  { role: 'system', content: 'You save files with the write_file tool.' },
  { role: 'user', content: 'Save a file at the path probe.txt whose content is the word ok.' },
];

const PROBE_JSON: LlmMessage[] = [
  { role: 'system', content: 'You reply with JSON only.' },
  {
    role: 'user',
    content: 'Reply with {"files": [{"path": "probe.txt", "content": "ok"}]} exactly.',
  },
];

/** A client error (the endpoint does not take the feature); anything else is not an answer. */
const unsupported = (error: unknown) =>
  error instanceof LlmCallError && error.status !== null && error.status >= 400 && error.status < 500;

async function tryMode(
  exchange: ProbeExchange,
  messages: LlmMessage[],
  ask: 'tools' | 'json',
): Promise<string | null> {
  try {
    const raw = await exchange(messages, ask);
    const read = ask === 'tools' ? filesFromToolCalls(raw.toolCalls) : filesFromJson(raw.content);
    const works = read.files.some((f) => f.path === 'probe.txt');
    return works ? null : `${ask}: ${read.error ?? 'the probe file did not come back'}`;
  } catch (error) {
    if (!unsupported(error)) throw error;
    return `${ask}: HTTP ${(error as LlmCallError).status}`;
  }
}

/**
 * Finds the richest way this endpoint and model return files: tool calls, else a JSON-schema
 * reply, else fenced blocks. Two small calls at most; a server error or a lost connection is not
 * taken for an answer (the probe fails and runs again next time).
 */
export async function probeFilesMode(exchange: ProbeExchange, at: () => string): Promise<FilesCapability> {
  const toolsProblem = await tryMode(exchange, PROBE_TOOLS, 'tools');
  if (toolsProblem === null) return { mode: 'tools', source: 'probe', detail: 'tool calls work', at: at() };
  const jsonProblem = await tryMode(exchange, PROBE_JSON, 'json');
  if (jsonProblem === null)
    return { mode: 'json', source: 'probe', detail: `JSON replies work (${toolsProblem})`, at: at() };
  return { mode: 'fenced', source: 'probe', detail: `${toolsProblem}; ${jsonProblem}`, at: at() };
}
