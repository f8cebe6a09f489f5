import { normalizeTestName } from '@app/domain';

/** How an assertion and a test name are compared (see `normalizeTestName`). */
export const normalizeName = normalizeTestName;

const TEST_CALL =
  /\b(?:test|it)(?:\.(?:only|skip|todo))?\s*\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|`((?:[^`\\$]|\\.)*)`)/g;

/** The names given to `test(...)` / `it(...)` in a test file (string literals only). */
export function testNamesIn(source: string): string[] {
  const names: string[] = [];
  for (const match of source.matchAll(TEST_CALL)) {
    names.push((match[1] ?? match[2] ?? match[3]).replace(/\\(.)/g, '$1'));
  }
  return names;
}

export interface Alignment {
  readonly aligned: boolean;
  /** Test Assertions of the design that no test is named after. */
  readonly missing: string[];
}

/**
 * Every item of the design's Test Assertions needs a test whose name matches it: the same words,
 * or a name that contains them (a test may add context, such as a suite name).
 */
export function checkAlignment(assertions: readonly string[], testNames: readonly string[]): Alignment {
  const names = testNames.map(normalizeName);
  const missing = assertions.filter((assertion) => {
    const wanted = normalizeName(assertion);
    return wanted.length > 0 && !names.some((name) => name === wanted || name.includes(wanted));
  });
  return { aligned: missing.length === 0, missing };
}
