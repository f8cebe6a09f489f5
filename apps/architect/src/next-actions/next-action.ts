/** The next step of a component through the method, as `nextActions` lists it. */
export const NEXT_ACTION_KINDS = [
  'WRITE_DESIGN',
  'FIX_DESIGN',
  'WRITE_TESTS',
  'WRITE_CODE',
  'REGENERATE',
] as const;
export type NextActionKind = (typeof NEXT_ACTION_KINDS)[number];

/** Where a component stands. */
export interface ComponentProgress {
  /** At least one design version was submitted. */
  readonly hasDesign: boolean;
  /** The newest design version passed validation. */
  readonly newestDesignValid: boolean;
  /** A design is accepted (and is the one tests and code are written from). */
  readonly accepted: boolean;
  /** A sandbox run saw the tests fail ("red") after the design was accepted. */
  readonly redRunRecorded: boolean;
  /** A sandbox run saw the tests pass ("green") after the red run. */
  readonly greenRunRecorded: boolean;
  /** The design is stale: a linked story, the links or a dependency changed after it was accepted. */
  readonly dirty: boolean;
  /** What changed, in words (the dirty causes' summaries). */
  readonly dirtyBecause?: readonly string[];
  /** Why the tests and code are stale while the design is not (its design was replaced), in words. */
  readonly staleBecause?: readonly string[];
}

export interface NextAction {
  readonly action: NextActionKind;
  readonly reason: string;
}

/**
 * The one thing to do next for a component, or null when it is done (green and not dirty). The
 * first rule that applies wins:
 *
 * 1. `REGENERATE` when dirty: a story changed after acceptance, so everything downstream is stale;
 * 2. `WRITE_DESIGN` when there is no design yet;
 * 3. `FIX_DESIGN` when the newest design is invalid, even if an older version was valid: the
 *    newest version is what the writer meant;
 * 4. `WRITE_DESIGN` when the newest design is valid but not accepted: the design step is not
 *    finished (none of the five actions is "accept", and acceptance comes with the design step);
 * 5. `WRITE_TESTS` when the design is accepted but no red run is recorded (a green run without
 *    a red one does not count: the tests must be seen failing first);
 * 6. `WRITE_CODE` when the red run is recorded but no green one;
 * 7. otherwise null.
 */
export function nextAction(progress: ComponentProgress): NextAction | null {
  if (progress.dirty)
    return {
      action: 'REGENERATE',
      reason: progress.dirtyBecause?.length
        ? `${progress.dirtyBecause.join('; ')}; regenerate the design, tests and code.`
        : 'A linked story changed after the design was accepted; regenerate the design, tests and code.',
    };
  if (!progress.hasDesign) return { action: 'WRITE_DESIGN', reason: 'The component has no design yet.' };
  if (!progress.newestDesignValid)
    return {
      action: 'FIX_DESIGN',
      reason: 'The newest design version does not validate; fix its errors and submit it again.',
    };
  if (!progress.accepted)
    return {
      action: 'WRITE_DESIGN',
      reason: 'The newest design is valid but has not been accepted yet.',
    };
  const stale = progress.staleBecause?.length ? `${progress.staleBecause.join('; ')}. ` : '';
  if (!progress.redRunRecorded)
    return {
      action: 'WRITE_TESTS',
      reason: `${stale}The design is accepted; write tests from it and record a failing (red) run.`,
    };
  if (!progress.greenRunRecorded)
    return {
      action: 'WRITE_CODE',
      reason: `${stale}The tests fail (red); write the code until they pass (green).`,
    };
  return null;
}
