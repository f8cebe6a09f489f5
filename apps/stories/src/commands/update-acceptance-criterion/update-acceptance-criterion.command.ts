export interface UpdateAcceptanceCriterion {
  readonly type: 'UpdateAcceptanceCriterion';
  readonly storyId: string;
  readonly criterionId: string;
  readonly description: string;
  readonly at: string;
}
