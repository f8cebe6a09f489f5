export interface RemoveAcceptanceCriterion {
  readonly type: 'RemoveAcceptanceCriterion';
  readonly storyId: string;
  readonly criterionId: string;
  readonly at: string;
}
