import { assignCriterionRefs } from './criterion-refs';

describe('assignCriterionRefs', () => {
  it('numbers new criteria after the last issued one', () => {
    expect(assignCriterionRefs(4, [undefined, undefined])).toEqual({ refs: ['AC-5', 'AC-6'], last: 6 });
  });

  it('keeps wanted references the project never issued, and numbers the rest after them', () => {
    expect(assignCriterionRefs(0, ['AC-3', undefined, 'AC-1'])).toEqual({
      refs: ['AC-3', 'AC-4', 'AC-1'],
      last: 4,
    });
  });

  it('never reuses an issued number, a number wanted twice, or a malformed reference', () => {
    expect(assignCriterionRefs(5, ['AC-2', 'AC-7', 'AC-7', 'AC-007', 'nonsense'])).toEqual({
      refs: ['AC-8', 'AC-7', 'AC-9', 'AC-10', 'AC-11'],
      last: 11,
    });
  });

  it('issues nothing for no criteria', () => {
    expect(assignCriterionRefs(3, [])).toEqual({ refs: [], last: 3 });
  });
});
