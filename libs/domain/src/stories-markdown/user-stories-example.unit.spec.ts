import { USER_STORIES_EXAMPLE } from './user-stories-example';
import { parseStoriesMarkdown } from './user-stories-markdown';

describe('the user_stories.md example', () => {
  it('is a document the importer takes as it is shown', () => {
    const stories = parseStoriesMarkdown(USER_STORIES_EXAMPLE);
    expect(stories.map((s) => s.title)).toEqual(['Shorten a URL', 'Follow a short link']);
    expect(stories[0].acceptanceCriteria).toEqual([
      { ref: 'AC-1', description: 'a valid URL gets a code of 7 characters' },
      { ref: 'AC-2', description: 'the same URL always gets the same code' },
      { description: 'an invalid URL is refused with a reason' },
    ]);
    expect(stories[1].description).toContain('As a visitor I want a short link');
  });
});
