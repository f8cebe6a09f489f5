/** The full new tag list; it is trimmed, lower-cased and de-duplicated. */
export interface ChangeStoryTags {
  readonly type: 'ChangeStoryTags';
  readonly storyId: string;
  readonly tags: readonly string[];
  readonly at: string;
}
