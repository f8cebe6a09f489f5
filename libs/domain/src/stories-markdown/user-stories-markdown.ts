import { isCriterionRef } from '../values/criterion-ref';
import { ValidationError } from '../errors/domain-error';
import { isBlankLine, normalizeDescription, normalizeLine, splitLines } from './story-text';

/**
 * `user_stories.md`: an optional `# <project>` heading, then per story
 *
 *     ## <title>
 *
 *     <description paragraphs>
 *
 *     ### Acceptance Criteria
 *
 *     - AC-<n>: <criterion>
 *
 * Text is written in the canonical forms of story.text, so a story read back equals the story
 * written. A description line that would read as a story or criteria heading is escaped with a
 * backslash (`\## …`), as is a criterion without a reference that would read as a checkbox
 * (`\[x] …`) or as a reference (`\AC-3: …`). After a reference the text is taken as it is.
 */
export interface MarkdownStory {
  readonly title: string;
  readonly description: string;
  readonly acceptanceCriteria: readonly MarkdownCriterion[];
}

/** A story read from a document, with the line of its `## ` heading. */
export interface LocatedMarkdownStory extends MarkdownStory {
  readonly line: number;
}

export interface MarkdownCriterion {
  /** `AC-<n>`; absent for a criterion recorded before references existed, or written without one. */
  readonly ref?: string;
  readonly description: string;
}

export const ACCEPTANCE_CRITERIA_HEADING = '### Acceptance Criteria';

/** The title written for a story whose title is blank (a stored story never has one). */
export const UNTITLED_STORY = 'Untitled';

const STORY_HEADING = /^ {0,3}##(?:[ \t]+(.*))?$/s;
const PROJECT_HEADING = /^ {0,3}#(?:[ \t]+.*)?$/s;
const ANY_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const CRITERIA_HEADING = /^ {0,3}###[ \t]+acceptance[ \t]+criteria[ \t]*:?[ \t]*$/i;
const BULLET = /^ {0,3}[-*+](?:[ \t]+(.*))?$/s;
const CHECKBOX = /^\[[ xX]\](?:[ \t]+|$)/;

/** A description line the parser would take for structure, behind any number of backslashes. */
const STRUCTURAL_DESCRIPTION_LINE =
  /^( {0,3})(\\*(?:##(?:[ \t]|$)|###[ \t]+acceptance[ \t]+criteria[ \t]*:?[ \t]*$))/i;
const ESCAPED_DESCRIPTION_LINE =
  /^( {0,3})\\(\\*(?:##(?:[ \t]|$)|###[ \t]+acceptance[ \t]+criteria[ \t]*:?[ \t]*$))/i;
const CHECKBOX_LIKE_CRITERION = /^(\\*(?:\[[ xX]\]|AC-[0-9]+:)(?:[ \t]|$))/;
const ESCAPED_CRITERION = /^\\(\\*(?:\[[ xX]\]|AC-[0-9]+:)(?:[ \t]|$))/;
const REFERENCED_CRITERION = /^(AC-[1-9][0-9]{0,8}):(?:[ \t]+(.*))?$/s;

function escapeDescriptionLine(line: string): string {
  return line.replace(STRUCTURAL_DESCRIPTION_LINE, '$1\\$2');
}

function unescapeDescriptionLine(line: string): string {
  return line.replace(ESCAPED_DESCRIPTION_LINE, '$1$2');
}

function escapeCriterion(criterion: string): string {
  return criterion.replace(CHECKBOX_LIKE_CRITERION, '\\$1');
}

function unescapeCriterion(criterion: string): string {
  return criterion.replace(ESCAPED_CRITERION, '$1');
}

function criterionLine(criterion: MarkdownCriterion): string {
  return criterion.ref !== undefined && isCriterionRef(criterion.ref)
    ? `- ${criterion.ref}: ${criterion.description}`
    : `- ${escapeCriterion(criterion.description)}`;
}

/** A bullet's text as a criterion: a leading `AC-<n>:` is its reference. */
function readCriterion(text: string): MarkdownCriterion {
  const referenced = REFERENCED_CRITERION.exec(text);
  if (referenced !== null) return { ref: referenced[1], description: normalizeLine(referenced[2] ?? '') };
  return { description: unescapeCriterion(text) };
}

/** The stories as `user_stories.md`; the project heading is left out when the name is blank. */
export function exportStoriesMarkdown(projectName: string, stories: readonly MarkdownStory[]): string {
  const blocks: string[] = [];
  const heading = normalizeLine(projectName);
  if (heading.length > 0) blocks.push(`# ${heading}`);
  for (const story of stories) {
    const title = normalizeLine(story.title);
    blocks.push(`## ${title.length > 0 ? title : UNTITLED_STORY}`);
    const description = normalizeDescription(story.description);
    if (description.length > 0) blocks.push(description.split('\n').map(escapeDescriptionLine).join('\n'));
    const criteria = story.acceptanceCriteria
      .map((c) => ({ ref: c.ref, description: normalizeLine(c.description) }))
      .filter((c) => c.description.length > 0);
    if (criteria.length > 0) {
      blocks.push(ACCEPTANCE_CRITERIA_HEADING);
      blocks.push(criteria.map(criterionLine).join('\n'));
    }
  }
  return blocks.length === 0 ? '' : `${blocks.join('\n\n')}\n`;
}

interface StoryDraft {
  line: number;
  title: string;
  descriptionLines: string[];
  criteria: string[];
}

function unparseable(lineNumber: number, problem: string): ValidationError {
  const message = `line ${lineNumber}: ${problem}`;
  return new ValidationError(`cannot read the stories markdown: ${message}`, [
    { field: 'markdown', message },
  ]);
}

/**
 * Reads `user_stories.md` back. Tolerates CRLF, `-`/`*`/`+` bullets, `- [ ]`/`- [x]` checkboxes
 * (the check state is dropped), extra blank lines, wrapped bullets and a missing criteria section.
 * Throws ValidationError (field `markdown`, message starting `line N:`) for content before the
 * first story that is not a `# ` heading, a story heading without a title, or text or headings
 * inside a criteria section that are not criteria.
 */
export function parseStoriesMarkdown(markdown: string): MarkdownStory[] {
  return readStoriesMarkdown(markdown).map(({ title, description, acceptanceCriteria }) => ({
    title,
    description,
    acceptanceCriteria,
  }));
}

/** `parseStoriesMarkdown`, each story with the line of its heading (to locate a problem of an import). */
export function readStoriesMarkdown(markdown: string): LocatedMarkdownStory[] {
  const stories: StoryDraft[] = [];
  let current: StoryDraft | undefined;
  let inCriteria = false;
  let previousWasBullet = false;
  let sawProjectHeading = false;

  splitLines(markdown.replace(/^\uFEFF/, '')).forEach((raw, index) => {
    const lineNumber = index + 1;
    // Structure is read without trailing spaces; a description keeps them (Markdown hard breaks).
    const line = raw.replace(/[ \t]+$/, '');
    const storyHeading = STORY_HEADING.exec(line);
    if (storyHeading !== null) {
      const title = normalizeLine(storyHeading[1] ?? '');
      if (title.length === 0) throw unparseable(lineNumber, 'a story heading ("## ") needs a title');
      current = { line: lineNumber, title, descriptionLines: [], criteria: [] };
      stories.push(current);
      inCriteria = false;
      previousWasBullet = false;
      return;
    }

    if (current === undefined) {
      if (isBlankLine(line)) return;
      if (PROJECT_HEADING.test(line) && !sawProjectHeading) {
        sawProjectHeading = true;
        return;
      }
      throw unparseable(
        lineNumber,
        'expected a "## " story heading; only one "# " heading may come before the first story',
      );
    }

    if (CRITERIA_HEADING.test(line)) {
      inCriteria = true;
      previousWasBullet = false;
      return;
    }

    if (!inCriteria) {
      current.descriptionLines.push(unescapeDescriptionLine(raw));
      return;
    }

    if (isBlankLine(line)) {
      previousWasBullet = false;
      return;
    }
    const bullet = BULLET.exec(line);
    if (bullet !== null) {
      current.criteria.push(normalizeLine(bullet[1] ?? '').replace(CHECKBOX, ''));
      previousWasBullet = true;
      return;
    }
    if (ANY_HEADING.test(line))
      throw unparseable(lineNumber, 'only "- " criteria may follow "### Acceptance Criteria" within a story');
    const continues = previousWasBullet || /^[ \t]/.test(line);
    if (!continues || current.criteria.length === 0)
      throw unparseable(lineNumber, 'expected a "- " criterion in the Acceptance Criteria section');
    const last = current.criteria.length - 1;
    current.criteria[last] = normalizeLine(`${current.criteria[last]} ${line}`);
    previousWasBullet = true;
  });

  return stories.map((story) => ({
    line: story.line,
    title: story.title,
    description: normalizeDescription(story.descriptionLines.join('\n')),
    acceptanceCriteria: story.criteria.map(readCriterion).filter((c) => c.description.length > 0),
  }));
}
