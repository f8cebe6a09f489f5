/** The artifacts built from the story went stale (a reaction, not a person): status DIRTY. */
export interface MarkStoryDirty {
  readonly type: 'MarkStoryDirty';
  readonly storyId: string;
  readonly at: string;
}
