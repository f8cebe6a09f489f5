import { storableText } from '@app/domain';
import type { ParsedFiles } from './reply-parsing';

/** What a model answered, as the adapter read it (structured files when it was asked for them). */
export interface ModelAnswer {
  readonly text: string;
  readonly files: readonly { path: string; content: string }[] | null;
  readonly refusal: string | null;
  readonly reasoning: string | null;
  /** Still cut off at the token limit after the continuations allowed. */
  readonly truncated: boolean;
}

export type ReplyProblemCode =
  'REPLY_EMPTY' | 'REPLY_REFUSED' | 'REPLY_REASONING_ONLY' | 'REPLY_TRUNCATED' | 'REPLY_NO_FILES';

export interface ReplyProblem {
  readonly code: ReplyProblemCode;
  readonly message: string;
}

/** How a person (or a model) turns down a request, when the endpoint has no refusal field. */
const REFUSAL_OPENING =
  /^\s*(?:I'?m sorry|I am sorry|Sorry,|I can(?:no|')t (?:help|assist|do|comply|provide)|I cannot (?:help|assist|do|comply|provide)|I won'?t (?:help|be able)|I'?m (?:not able|unable) to)/i;

const quote = (text: string, max = 160) => {
  const line = storableText(text.trim().replace(/\s+/g, ' '));
  return line.length > max ? `${line.slice(0, max)}…` : line;
};

/**
 * Replies that hold no answer to parse: cut off, refused, empty, or only the model's reasoning.
 * These are classified and fed back, never parsed as files.
 */
export function replyProblem(answer: ModelAnswer): ReplyProblem | null {
  if (answer.truncated)
    return {
      code: 'REPLY_TRUNCATED',
      message:
        'the reply was cut off at the token limit (finish_reason "length") and its continuations did not finish it',
    };
  if (answer.refusal)
    return { code: 'REPLY_REFUSED', message: `the model refused: "${quote(answer.refusal)}"` };
  if (answer.files && answer.files.length > 0) return null;
  if (answer.text.trim() === '') {
    return answer.reasoning?.trim()
      ? {
          code: 'REPLY_REASONING_ONLY',
          message:
            'the reply held only reasoning and no answer (its reasoning is in the ledger, not used as code)',
        }
      : { code: 'REPLY_EMPTY', message: 'the reply was empty' };
  }
  if (!answer.text.includes('```') && !answer.text.includes('~~~') && REFUSAL_OPENING.test(answer.text))
    return { code: 'REPLY_REFUSED', message: `the model refused: "${quote(answer.text)}"` };
  return null;
}

/** How the step asked for files, restated in feedback. */
export type FilesForm = 'tools' | 'json' | 'fenced';

export function expectedForm(form: FilesForm, examplePath: string): string {
  switch (form) {
    case 'tools':
      return `Call the write_file tool once per file, with its path (for example ${examplePath}) and its full content.`;
    case 'json':
      return `Reply with one JSON object {"files": [{"path": "${examplePath}", "content": "…"}]} holding each file in full.`;
    case 'fenced':
      return `Put each file in full in its own fenced block whose info string names it, for example \`\`\`typescript path=${examplePath}`;
  }
}

/**
 * Feedback for a reply that gave the step nothing it could write: what was found (blocks without
 * a file name, files refused and why), and the form that was expected.
 */
export function noUsableFileFeedback(parsed: ParsedFiles, form: FilesForm, examplePath: string): string {
  const found = [
    ...parsed.unnamed.map(
      (b) =>
        `a fenced block${b.info ? ` \`\`\`${b.info}` : ''} of ${b.lines} line(s) that names no file, starting "${quote(b.firstLine, 60)}"`,
    ),
    ...parsed.rejected.map((r) => `${r.path}, refused: ${r.reason}`),
  ];
  const what = found.length ? `It held ${found.join('; ')}.` : 'It held no file at all.';
  return `The previous reply gave no file this step may write. ${what} ${expectedForm(form, examplePath)}`;
}
