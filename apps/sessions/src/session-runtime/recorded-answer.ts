import { canonicalJson } from '../context/canonical-hash';
import type { LlmReply } from '../llm/llm.port';
import type { ModelAnswer } from '../session/reply-problems';
import type { LlmCallRecorded } from '../session/session.events';

/** What a step gets back: the answer, and the form files were asked for in (null: none were). */
export interface LedgerAnswer extends ModelAnswer {
  readonly filesForm: 'tools' | 'json' | 'fenced' | null;
  readonly filesError: string | null;
}

/** The reply blob: the text as it came, or (for structured files) the files and the text as JSON. */
export function replyBlob(reply: LlmReply, structured: boolean): string {
  return structured
    ? canonicalJson({ files: reply.files, filesError: reply.filesError, text: reply.content })
    : reply.content;
}

export function answerFromBlob(
  blob: string,
  record: Pick<LlmCallRecorded['data'], 'filesMode' | 'refusal' | 'truncated'>,
): LedgerAnswer {
  const mode = record.filesMode?.mode ?? null;
  const structured = mode === 'tools' || mode === 'json';
  const parsed = structured
    ? (JSON.parse(blob) as {
        files: { path: string; content: string }[] | null;
        filesError: string | null;
        text: string;
      })
    : { files: null, filesError: null, text: blob };
  return {
    text: parsed.text,
    files: parsed.files,
    filesError: parsed.filesError,
    refusal: record.refusal ?? null,
    reasoning: null,
    truncated: record.truncated ?? false,
    filesForm: mode,
  };
}
