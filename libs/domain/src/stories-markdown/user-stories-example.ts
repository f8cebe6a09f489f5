/**
 * A complete `user_stories.md`, as `codemyspec stories template` prints it and the README shows it:
 * an optional project heading, then per story its title, its description and its criteria (a
 * criterion without `AC-n:` gets the project's next reference when it is imported).
 */
export const USER_STORIES_EXAMPLE = `# Shorty

## Shorten a URL

As a visitor I want to turn a long URL into a short link so that I can share it.
The short code is made of letters and digits only.

### Acceptance Criteria

- AC-1: a valid URL gets a code of 7 characters
- AC-2: the same URL always gets the same code
- an invalid URL is refused with a reason

## Follow a short link

As a visitor I want a short link to take me to its URL so that sharing works.

### Acceptance Criteria

- a known code redirects (HTTP 301) to its URL
- an unknown code answers 404
`;
