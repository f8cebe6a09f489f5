import {
  levenshteinDistance,
  levenshteinSimilarity,
  normalizeTitle,
  titleSimilarity,
  tokenJaccard,
} from './text-similarity';

describe('text similarity', () => {
  it('normalizes titles to lower-cased words', () => {
    expect(normalizeTitle('  Export: Stories (as Markdown)! ')).toBe('export stories as markdown');
    expect(normalizeTitle('Größe ändern')).toBe('größe ändern');
  });

  it('computes the edit distance', () => {
    expect(levenshteinDistance('kitten', 'sitting')).toBe(3);
    expect(levenshteinDistance('', 'abc')).toBe(3);
    expect(levenshteinDistance('abc', '')).toBe(3);
    expect(levenshteinDistance('same', 'same')).toBe(0);
    expect(levenshteinSimilarity('', '')).toBe(1);
    expect(levenshteinSimilarity('abcd', 'abcx')).toBe(0.75);
  });

  it('computes token Jaccard similarity', () => {
    expect(tokenJaccard('export stories markdown', 'markdown export stories')).toBe(1);
    expect(tokenJaccard('a b', 'b c')).toBeCloseTo(1 / 3);
    expect(tokenJaccard('', '')).toBe(1);
  });

  it('takes the larger measure on normalized titles', () => {
    expect(titleSimilarity('Export stories to Markdown', 'Markdown: export stories to')).toBe(1);
    expect(titleSimilarity('User can log in', 'User can log out')).toBeCloseTo(1 - 3 / 16);
    expect(titleSimilarity('Log in', 'Export stories')).toBeLessThan(0.5);
  });
});
