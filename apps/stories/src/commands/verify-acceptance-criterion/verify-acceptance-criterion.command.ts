export interface VerifyAcceptanceCriterion {
  readonly type: 'VerifyAcceptanceCriterion';
  readonly storyId: string;
  readonly criterionId: string;
  readonly at: string;
}
