/** The artifacts built from the story are current again (its component was redesigned, or the change waived). */
export interface MarkStoryCurrent {
  readonly type: 'MarkStoryCurrent';
  readonly storyId: string;
  readonly at: string;
}
