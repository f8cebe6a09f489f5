import { criterionCitations, criterionRef, criterionRefNumber, isCriterionRef } from './criterion-ref';

describe('criterion references', () => {
  it('formats and reads AC-<n>', () => {
    expect(criterionRef(12)).toBe('AC-12');
    expect(criterionRefNumber('AC-12')).toBe(12);
    expect(() => criterionRef(0)).toThrow('positive integer');
  });

  it.each(['AC-0', 'AC-012', 'ac-1', 'AC-', 'AC-1a', ' AC-1', 'AC-1234567890'])('rejects %j', (ref) => {
    expect(isCriterionRef(ref)).toBe(false);
  });

  it('finds every cited reference, in one bracket or several, and strips them from the text', () => {
    expect(criterionCitations('rejects a wrong password [AC-12]')).toEqual({
      refs: ['AC-12'],
      text: 'rejects a wrong password',
    });
    expect(criterionCitations('locks after 3 tries [AC-1, ac-2][AC-3] for 5 min')).toEqual({
      refs: ['AC-1', 'AC-2', 'AC-3'],
      text: 'locks after 3 tries for 5 min',
    });
  });

  it('cites nothing for an internal behaviour, and keeps brackets that are not references', () => {
    expect(criterionCitations('caches [up to] 10 entries')).toEqual({
      refs: [],
      text: 'caches [up to] 10 entries',
    });
  });

  it('returns malformed references as written, so a validator can name them', () => {
    expect(criterionCitations('x [AC-007, AC-7]').refs).toEqual(['AC-007', 'AC-7']);
  });
});
