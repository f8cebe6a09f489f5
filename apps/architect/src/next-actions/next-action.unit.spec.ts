import type { ComponentProgress } from './next-action';
import { nextAction } from './next-action';

const none: ComponentProgress = {
  hasDesign: false,
  newestDesignValid: false,
  accepted: false,
  redRunRecorded: false,
  greenRunRecorded: false,
  dirty: false,
};
const done: ComponentProgress = {
  hasDesign: true,
  newestDesignValid: true,
  accepted: true,
  redRunRecorded: true,
  greenRunRecorded: true,
  dirty: false,
};
const actionOf = (progress: Partial<ComponentProgress>, base = none) =>
  nextAction({ ...base, ...progress })?.action;

describe('nextAction', () => {
  it('is WRITE_DESIGN without a design', () => {
    expect(nextAction(none)).toEqual({ action: 'WRITE_DESIGN', reason: 'The component has no design yet.' });
  });

  it('is FIX_DESIGN when the newest design is invalid', () => {
    expect(actionOf({ hasDesign: true })).toBe('FIX_DESIGN');
  });

  it('is FIX_DESIGN when the newest design is invalid even though an older one was accepted', () => {
    expect(actionOf({ newestDesignValid: false }, done)).toBe('FIX_DESIGN');
  });

  it('is WRITE_DESIGN when the newest design is valid but not accepted', () => {
    expect(actionOf({ hasDesign: true, newestDesignValid: true })).toBe('WRITE_DESIGN');
    expect(nextAction({ ...none, hasDesign: true, newestDesignValid: true })?.reason).toMatch(
      /not been accepted/,
    );
  });

  it('is WRITE_TESTS when the design is accepted but no red run is recorded', () => {
    expect(actionOf({ hasDesign: true, newestDesignValid: true, accepted: true })).toBe('WRITE_TESTS');
  });

  it('is WRITE_TESTS when a green run exists but no red one (tests must fail first)', () => {
    expect(actionOf({ redRunRecorded: false }, done)).toBe('WRITE_TESTS');
  });

  it('is WRITE_CODE when red is recorded but not green', () => {
    expect(actionOf({ greenRunRecorded: false }, done)).toBe('WRITE_CODE');
  });

  it('is null when green and not dirty', () => {
    expect(nextAction(done)).toBeNull();
  });

  it('is REGENERATE when dirty, whatever else holds', () => {
    const flags = [
      'hasDesign',
      'newestDesignValid',
      'accepted',
      'redRunRecorded',
      'greenRunRecorded',
    ] as const;
    for (let mask = 0; mask < 1 << flags.length; mask++) {
      const progress = Object.fromEntries(flags.map((flag, i) => [flag, (mask & (1 << i)) !== 0]));
      expect(actionOf({ ...progress, dirty: true })).toBe('REGENERATE');
    }
  });

  it('names what changed when it knows', () => {
    expect(
      nextAction({
        ...done,
        dirty: true,
        dirtyBecause: ['AC-12 of "Shorten a URL" changed: "7" → "8"', 'AC-13 was added'],
      }),
    ).toEqual({
      action: 'REGENERATE',
      reason:
        'AC-12 of "Shorten a URL" changed: "7" → "8"; AC-13 was added; regenerate the design, tests and code.',
    });
  });

  it('always gives a reason', () => {
    const flags = [
      'hasDesign',
      'newestDesignValid',
      'accepted',
      'redRunRecorded',
      'greenRunRecorded',
      'dirty',
    ] as const;
    for (let mask = 0; mask < 1 << flags.length; mask++) {
      const progress = Object.fromEntries(flags.map((flag, i) => [flag, (mask & (1 << i)) !== 0]));
      const result = nextAction(progress as unknown as ComponentProgress);
      if (result) expect(result.reason.length).toBeGreaterThan(10);
      else expect(progress).toEqual(done);
    }
  });
});
