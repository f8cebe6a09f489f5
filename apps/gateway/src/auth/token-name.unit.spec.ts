import { checkTokenName, foldedTokenName } from './token-name';

const problemOf = (raw: string) => {
  const checked = checkTokenName(raw);
  return 'problem' in checked ? checked.problem.message : null;
};

describe('token names', () => {
  it('keeps ordinary names, folded to one form', () => {
    expect(checkTokenName('  CI   reader ')).toEqual({ name: 'CI reader' });
    expect(checkTokenName('Анна')).toEqual({ name: 'Анна' });
    expect(checkTokenName('Zoë’s laptop 😀')).toEqual({ name: 'Zoë’s laptop 😀' });
  });

  it.each([
    ['\uff41dmin', 'is reserved'],
    ['ADMIN', 'is reserved'],
    ['admin\u200b', 'invisible'],
    ['ad\u202emin', 'invisible'],
    ['\ufeffadmin', 'invisible'],
    ['x\u0000', 'invisible'],
    ['x\ud800', 'invisible'],
    ['a\nb', 'invisible'],
    ['\u0430dmin', 'mix Latin'],
    ['admin (00000000-0000-4000-8000-000000000001)', 'recorded actor'],
    ['ci (1F0C2A4E-1234-4ABC-8DEF-0123456789AB)', 'recorded actor'],
    ['', '1 to 100'],
    ['\u3000', '1 to 100'],
    ['x'.repeat(101), '1 to 100'],
  ])('refuses %j (%s)', (raw, why) => {
    expect(problemOf(raw)).toContain(why);
  });

  it('folds names that would look the same into one key', () => {
    expect(foldedTokenName('ＣＩ  Reader')).toBe(foldedTokenName('ci reader'));
    expect(foldedTokenName('ci reader')).not.toBe(foldedTokenName('ci-reader'));
  });
});
