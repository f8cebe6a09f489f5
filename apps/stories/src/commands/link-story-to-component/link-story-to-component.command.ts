/** Issued on the architect service's link event: the story is mapped onto this component. */
export interface LinkStoryToComponent {
  readonly type: 'LinkStoryToComponent';
  readonly storyId: string;
  readonly componentId: string;
  readonly componentName: string;
  readonly at: string;
}
