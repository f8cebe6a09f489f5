/** A story's recorded history, its differences between versions and its quality review, as queries tell them. */
export interface EventRecordView {
  readonly eventId: string;
  readonly type: string;
  readonly version: number;
  readonly occurredAt: string;
  readonly actor: string | null;
  readonly data: unknown;
}

export interface FieldChangeView {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface StoryDiffView {
  readonly storyId: string;
  readonly fromVersion: number;
  readonly toVersion: number;
  readonly changes: readonly FieldChangeView[];
}

export interface ReviewFindingView {
  readonly rule: string;
  readonly severity: string;
  readonly message: string;
}

export interface StoryReviewView {
  readonly storyId: string;
  readonly score: number;
  readonly findings: readonly ReviewFindingView[];
}
