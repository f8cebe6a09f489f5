import { criterionCitations } from './criterion-ref';

/**
 * How a test assertion and a test name are compared: lowercase words only, criterion citations
 * (`[AC-12]`) and quotes left out. A test verifies an assertion when both normalize alike.
 */
export function normalizeTestName(text: string): string {
  return criterionCitations(text)
    .text.toLowerCase()
    .replace(/[`'"“”‘’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
