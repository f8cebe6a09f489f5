import type { FailureInput } from '../../context/context-assembly';
import { checkProposedFiles, filesAllowed, parseFileBlocks } from '../../session/reply-parsing';
import type { ProposedFile, Rejection } from '../../session/reply-parsing';
import { expectedForm, noUsableFileFeedback, replyProblem } from '../../session/reply-problems';
import type { ReplyProblem } from '../../session/reply-problems';
import { lastFinished } from '../../session/session-files';
import type { StepName } from '../../session/session.events';
import type { SessionState } from '../../session/session.state';
import type { LedgerAnswer } from '../llm-ledger';

/** The files a step takes from a reply, what it refused, and what to tell the model if nothing. */
export interface StepFileSelection {
  readonly files: ProposedFile[];
  readonly rejected: Rejection[];
  readonly problem: ReplyProblem | null;
  readonly feedback: string | null;
}

/**
 * Reads the files of an answer the way it was asked for (tool calls or JSON; fenced blocks in any
 * form real models use, also when a structured request was answered in text), keeps the paths the
 * step may write (`reasonAgainst` says why not), and classifies a reply with nothing usable.
 */
export function selectStepFiles(
  answer: LedgerAnswer,
  reasonAgainst: (path: string) => string | null,
  examplePath: string,
): StepFileSelection {
  const form = answer.filesForm ?? 'fenced';
  const problem = replyProblem(answer);
  if (problem)
    return {
      files: [],
      rejected: [],
      problem,
      feedback: `The previous reply was not used: ${problem.message}. ${expectedForm(form, examplePath)}`,
    };
  const parsed = answer.files ? checkProposedFiles(answer.files) : parseFileBlocks(answer.text);
  const allowed = filesAllowed(parsed, reasonAgainst);
  if (allowed.files.length > 0)
    return { files: allowed.files, rejected: allowed.rejected, problem: null, feedback: null };
  const structuredNote = answer.filesError && !answer.files ? ` (${answer.filesError})` : '';
  return {
    files: [],
    rejected: allowed.rejected,
    problem: { code: 'REPLY_NO_FILES', message: `no file this step may write${structuredNote}` },
    feedback: noUsableFileFeedback(allowed, form, examplePath),
  };
}

/** The feedback of the newest of these steps, when it wrote nothing: for the next attempt's prompt. */
export function replyFeedback(state: SessionState, names: readonly StepName[]): FailureInput | null {
  const last = state.steps.filter((s) => s.finishedAt !== null).at(-1);
  if (!last || !names.includes(last.step)) return null;
  const result = lastFinished(state, names)?.result;
  if (result?.kind !== 'files' || result.files.length > 0 || !result.feedback) return null;
  return {
    source: `session-${state.sessionId}`,
    version: state.version,
    summary: result.feedback,
    failures: [],
  };
}
