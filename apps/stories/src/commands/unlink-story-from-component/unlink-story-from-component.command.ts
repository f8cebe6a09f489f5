/** Issued on the architect service's unlink event. */
export interface UnlinkStoryFromComponent {
  readonly type: 'UnlinkStoryFromComponent';
  readonly storyId: string;
  readonly componentId: string;
  readonly at: string;
}
