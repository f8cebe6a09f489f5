import { normalizeLine } from '@app/domain';
import { titleSimilarity } from './text-similarity';

export type ReviewSeverity = 'INFO' | 'WARNING' | 'ERROR';

/** Stable rule ids, in the order their findings are listed. */
export const REVIEW_RULES = [
  'story-format',
  'has-acceptance-criteria',
  'testable-criteria',
  'title-length',
  'story-size',
  'near-duplicate-title',
] as const;
export type ReviewRule = (typeof REVIEW_RULES)[number];

export interface ReviewFinding {
  readonly rule: ReviewRule;
  readonly severity: ReviewSeverity;
  readonly message: string;
}

export interface StoryReview {
  /** 0..100: 100 minus the penalties of the findings, clamped. */
  readonly score: number;
  readonly findings: readonly ReviewFinding[];
}

/** What the review reads. A `Story` fits, and so does a parsed markdown story. */
export interface ReviewableStory {
  readonly title: string;
  readonly description: string;
  readonly acceptanceCriteria: readonly (string | { readonly description: string })[];
}

/** Points taken off the score of 100 per finding, by severity. */
export const SEVERITY_PENALTY: Readonly<Record<ReviewSeverity, number>> = { ERROR: 25, WARNING: 10, INFO: 2 };

export const REVIEW_THRESHOLDS = {
  titleMinLength: 10,
  titleMaxLength: 80,
  maxCriteriaBeforeSplit: 8,
  nearDuplicateSimilarity: 0.8,
} as const;

/** Words that make a criterion untestable unless it also names a measure. */
export const VAGUE_WORDS = [
  'fast',
  'faster',
  'quick',
  'quickly',
  'easy',
  'easily',
  'simple',
  'simply',
  'user-friendly',
  'intuitive',
  'intuitively',
  'responsive',
  'robust',
  'scalable',
  'efficient',
  'efficiently',
  'seamless',
  'seamlessly',
  'flexible',
] as const;

const VAGUE_WORD = new RegExp(`(?<![\\p{L}\\p{N}-])(?:${VAGUE_WORDS.join('|')})(?![\\p{L}\\p{N}-])`, 'giu');

/** A digit, a number word, a percent sign or a unit: the criterion says how much. */
const MEASURE = new RegExp(
  [
    '\\d',
    '%',
    '\\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|million|once|twice|single)\\b',
    '\\b(?:ms|millis(?:econds?)?|secs?|seconds?|mins?|minutes?|hours?|hrs?|days?|percent(?:age)?|kb|mb|gb|tb|bytes?|clicks?|taps?|keystrokes?|steps?|requests?|rps|qps|fps|px|pixels?)\\b',
  ].join('|'),
  'i',
);

function criterionText(criterion: ReviewableStory['acceptanceCriteria'][number]): string {
  return typeof criterion === 'string' ? criterion : criterion.description;
}

function quote(text: string, max = 60): string {
  return `"${text.length > max ? `${text.slice(0, max - 1)}…` : text}"`;
}

function storyFormatFindings(description: string): ReviewFinding[] {
  const text = normalizeLine(description.replace(/[*_]/g, ' '));
  const rule = 'story-format';
  const format = '"As a …, I want …, so that …"';
  if (text.length === 0)
    return [{ rule, severity: 'ERROR', message: `The description is empty; write it as ${format}.` }];
  const complete = /^as\s+(?:an?\s+|the\s+)?\S.*?\bi\s+want\s+\S.*?\bso\s+that\s+\S/i;
  if (complete.test(text)) return [];
  const parts: [string, RegExp][] = [
    ['"As a …" (who)', /^as\s+\S/i],
    ['"I want …" (what)', /\bi\s+want\s+\S/i],
    ['"so that …" (why)', /\bso\s+that\s+\S/i],
  ];
  const missing = parts.filter(([, pattern]) => !pattern.test(text)).map(([name]) => name);
  if (missing.length === parts.length)
    return [{ rule, severity: 'ERROR', message: `The description does not follow ${format}.` }];
  if (missing.length > 0)
    return [{ rule, severity: 'WARNING', message: `The description is missing ${missing.join(' and ')}.` }];
  return [{ rule, severity: 'WARNING', message: `The description should read ${format}, in that order.` }];
}

function criteriaFindings(criteria: readonly string[]): ReviewFinding[] {
  const findings: ReviewFinding[] = [];
  if (criteria.length === 0)
    findings.push({
      rule: 'has-acceptance-criteria',
      severity: 'ERROR',
      message: 'The story has no acceptance criteria; add at least one testable criterion.',
    });
  criteria.forEach((text, index) => {
    const vague = [...new Set([...text.matchAll(VAGUE_WORD)].map((m) => m[0].toLowerCase()))];
    if (vague.length === 0 || MEASURE.test(text)) return;
    findings.push({
      rule: 'testable-criteria',
      severity: 'WARNING',
      message: `Acceptance criterion ${index + 1} ${quote(text)} uses vague wording (${vague.join(', ')}) without a measurable target; say how much, e.g. a time, count or percentage.`,
    });
  });
  return findings;
}

function titleLengthFindings(title: string): ReviewFinding[] {
  const { titleMinLength: min, titleMaxLength: max } = REVIEW_THRESHOLDS;
  if (title.length < min)
    return [
      {
        rule: 'title-length',
        severity: 'WARNING',
        message: `The title is too short (${title.length} characters; aim for ${min}–${max}).`,
      },
    ];
  if (title.length > max)
    return [
      {
        rule: 'title-length',
        severity: 'WARNING',
        message: `The title is too long (${title.length} characters; aim for ${min}–${max}).`,
      },
    ];
  return [];
}

function storySizeFindings(criteriaCount: number): ReviewFinding[] {
  const max = REVIEW_THRESHOLDS.maxCriteriaBeforeSplit;
  if (criteriaCount <= max) return [];
  return [
    {
      rule: 'story-size',
      severity: 'WARNING',
      message: `The story has ${criteriaCount} acceptance criteria (more than ${max}); consider splitting it into smaller stories.`,
    },
  ];
}

/** Siblings whose title equals this story's (trimmed) are the story itself: titles are unique per project. */
function nearDuplicateFindings(title: string, siblingTitles: readonly string[]): ReviewFinding[] {
  const others = [...new Set(siblingTitles.map((t) => normalizeLine(t)))].filter(
    (t) => t.length > 0 && t !== title,
  );
  return others
    .map((other) => ({ other, similarity: titleSimilarity(title, other) }))
    .filter(({ similarity }) => similarity >= REVIEW_THRESHOLDS.nearDuplicateSimilarity)
    .sort((a, b) => b.similarity - a.similarity || (a.other < b.other ? -1 : a.other > b.other ? 1 : 0))
    .map(({ other, similarity }) => ({
      rule: 'near-duplicate-title' as const,
      severity: 'WARNING' as const,
      message: `The title is nearly the same as ${quote(other, 80)} (similarity ${similarity.toFixed(2)}); merge the stories or make the difference clear.`,
    }));
}

/**
 * A deterministic review of one story against the rules in REVIEW_RULES. The same input always
 * gives the same output; findings are ordered by rule, then by position (criterion index, or the
 * most similar sibling title first).
 */
export function reviewStory(story: ReviewableStory, siblingTitles: readonly string[] = []): StoryReview {
  const title = normalizeLine(story.title);
  const criteria = story.acceptanceCriteria.map((c) => normalizeLine(criterionText(c)));
  const findings: ReviewFinding[] = [
    ...storyFormatFindings(story.description),
    ...criteriaFindings(criteria),
    ...titleLengthFindings(title),
    ...storySizeFindings(criteria.length),
    ...nearDuplicateFindings(title, siblingTitles),
  ];
  const penalty = findings.reduce((sum, f) => sum + SEVERITY_PENALTY[f.severity], 0);
  return { score: Math.min(100, Math.max(0, 100 - penalty)), findings };
}
