/**
 * Gives references to a story's criteria that have none (recorded before references existed).
 * The references (`AC-<n>`, unique in the project) are issued by the caller, one per criterion.
 */
export interface ReferenceCriteria {
  readonly type: 'ReferenceCriteria';
  readonly storyId: string;
  readonly refs: readonly { readonly criterionId: string; readonly ref: string }[];
  readonly at: string;
}
