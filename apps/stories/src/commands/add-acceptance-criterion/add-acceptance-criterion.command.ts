export interface AddAcceptanceCriterion {
  readonly type: 'AddAcceptanceCriterion';
  readonly storyId: string;
  /** Minted by the caller. */
  readonly criterionId: string;
  /** `AC-<n>`, allocated by the caller, unique in the project. */
  readonly ref: string;
  readonly description: string;
  readonly at: string;
}
