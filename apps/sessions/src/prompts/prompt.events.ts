import type { ContextItem } from '../context/context-item';
import type { LlmCallRecorded } from '../session/session.events';

export const PROMPT_KINDS = [
  'STORY_INTERVIEW',
  'STORY_REVIEW',
  'CONTEXT_DESIGN',
  'COMPONENT_DESIGN',
] as const;
export type PromptKind = (typeof PROMPT_KINDS)[number];

/** A prompt handed to a person's own assistant: what it embedded is recorded, as for an LLM call. */
export interface PromptIssued {
  readonly type: 'PromptIssued';
  readonly data: {
    readonly promptId: string;
    readonly kind: PromptKind;
    readonly projectId: string;
    /** The project, story or context the prompt is about. */
    readonly subjectId: string;
    readonly items: readonly ContextItem[];
    readonly contextHash: string;
    /** The prompt's text, as a blob. */
    readonly textSha256: string;
    readonly at: string;
  };
}

export interface AiFinding {
  readonly rule: string;
  readonly severity: string;
  readonly message: string;
}

/** A story reviewed by the LLM (through the ledger), or by the deterministic rules when there is none. */
export interface StoryReviewedWithAi {
  readonly type: 'StoryReviewedWithAi';
  readonly data: {
    readonly reviewId: string;
    readonly projectId: string;
    readonly storyId: string;
    readonly storyVersion: number;
    readonly source: 'llm' | 'deterministic';
    /** Why the deterministic review was used (no LLM, or a reply that was not the JSON asked for). */
    readonly fallbackReason: string | null;
    readonly score: number;
    readonly findings: readonly AiFinding[];
    readonly llmCall: Omit<LlmCallRecorded['data'], 'step' | 'attempt'> | null;
    readonly at: string;
  };
}
