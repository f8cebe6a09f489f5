/** Full new values of both fields (the caller's `expectedVersion` is checked by the handler). */
export interface ReviseStory {
  readonly type: 'ReviseStory';
  readonly storyId: string;
  readonly title: string;
  readonly description: string;
  readonly at: string;
}
