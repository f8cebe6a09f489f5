export interface AddAcceptanceCriterion {
  readonly type: 'AddAcceptanceCriterion';
  readonly storyId: string;
  /** Minted by the caller. */
  readonly criterionId: string;
  readonly description: string;
  readonly at: string;
}
