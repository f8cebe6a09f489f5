/** Stories live in streams named `story-<id>`. */
export const STORY_STREAM_TYPE = 'story';

export function storyStreamId(storyId: string): string {
  return `${STORY_STREAM_TYPE}-${storyId}`;
}

/** The story id of a `story-<id>` stream, or undefined for any other stream. */
export function storyIdOfStream(streamId: string): string | undefined {
  const prefix = `${STORY_STREAM_TYPE}-`;
  return streamId.startsWith(prefix) && streamId.length > prefix.length
    ? streamId.slice(prefix.length)
    : undefined;
}
