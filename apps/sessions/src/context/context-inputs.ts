import type { LlmMessage } from '../llm/llm.port';
import type { ContextItem } from './context-item';

export interface ComponentInput {
  readonly id: string;
  readonly projectId: string;
  readonly name: string;
  readonly type: string;
  readonly description: string;
  readonly moduleName: string | null;
  readonly parent: {
    readonly id: string;
    readonly name: string;
    readonly type: string;
    readonly description: string;
  } | null;
  readonly dependencies: readonly {
    readonly name: string;
    readonly type: string;
    readonly description: string;
  }[];
  readonly children: readonly {
    readonly name: string;
    readonly type: string;
    readonly description: string;
  }[];
}

export interface StoryInput {
  readonly id: string;
  readonly version: number;
  readonly title: string;
  readonly description: string;
  readonly criteria: readonly string[];
}

export interface DesignInput {
  readonly componentId: string;
  readonly version: number;
  readonly markdown: string;
}

export interface FileInput {
  readonly path: string;
  readonly content: string;
  /** `workspace-<projectId>` and the version that holds the file, or `session-<id>` for a draft. */
  readonly source: string;
  readonly version: number;
}

/** A TESTS session after a redesign: the change since the version the tests were green for, and those tests. */
export interface ReworkInput {
  readonly componentId: string;
  readonly fromVersion: number;
  readonly toVersion: number;
  /** The unified diff of the two versions' markdown. */
  readonly diff: string;
  /** The accepted design's assertions the earlier version did not have. */
  readonly changedAssertions: readonly string[];
  readonly tests: readonly FileInput[];
}

export interface FailureInput {
  /** `sandbox-run-<id>`, or `design-validation` for a draft that failed the architect's rules. */
  readonly source: string;
  readonly version: number;
  readonly summary: string;
  readonly failures: readonly { readonly name: string; readonly message: string }[];
}

/** What each kind of call is made from. The process decides it; nothing else goes in. */
export type AssemblyRequest =
  | {
      readonly purpose: 'DESIGN';
      readonly component: ComponentInput;
      readonly stories: readonly StoryInput[];
      readonly template: string;
    }
  | {
      readonly purpose: 'DESIGN_REVISION';
      readonly component: ComponentInput;
      readonly stories: readonly StoryInput[];
      readonly template: string;
      readonly draft: FileInput;
      readonly errors: FailureInput;
    }
  | {
      readonly purpose: 'TESTS';
      readonly component: ComponentInput;
      readonly design: DesignInput;
      readonly rework?: ReworkInput;
    }
  | {
      readonly purpose: 'TESTS_FIX';
      readonly component: ComponentInput;
      readonly design: DesignInput;
      readonly tests: readonly FileInput[];
      readonly errors: FailureInput;
      readonly rework?: ReworkInput;
    }
  | {
      readonly purpose: 'CODE';
      readonly component: ComponentInput;
      readonly design: DesignInput;
      readonly tests: readonly FileInput[];
      readonly failures: FailureInput;
      /** Reworking: the implementation that passed before the redesign, which the code starts from. */
      readonly code?: readonly FileInput[];
    }
  | {
      readonly purpose: 'CODE_FIX';
      readonly component: ComponentInput;
      readonly design: DesignInput;
      readonly tests: readonly FileInput[];
      readonly code: readonly FileInput[];
      readonly failures: FailureInput;
    };

export interface ProjectInput {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly version: number;
}

export interface ReviewInput {
  readonly storyId: string;
  readonly storyVersion: number;
  readonly score: number;
  readonly findings: readonly {
    readonly rule: string;
    readonly severity: string;
    readonly message: string;
  }[];
}

/** Prompts handed to a person's own assistant (MCP), and the AI review of a story. */
export type PromptRequest =
  | {
      readonly purpose: 'STORY_INTERVIEW';
      readonly project: ProjectInput;
      readonly stories: readonly StoryInput[];
    }
  | {
      readonly purpose: 'STORY_REVIEW' | 'STORY_AI_REVIEW';
      readonly project: ProjectInput;
      readonly story: StoryInput;
      readonly review: ReviewInput;
      readonly otherTitles: readonly string[];
    }
  | {
      readonly purpose: 'CONTEXT_DESIGN';
      readonly component: ComponentInput;
      readonly stories: readonly StoryInput[];
      readonly template: string;
    };

export interface AssembledContext {
  readonly messages: LlmMessage[];
  readonly items: ContextItem[];
  /** The same text as one markdown document (for people pasting it into their own assistant). */
  readonly markdown: string;
  /** sha256 over the messages (and, for a call, the model parameters). */
  readonly contextHash: string;
}
