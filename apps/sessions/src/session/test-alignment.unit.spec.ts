import { checkAlignment, testNamesIn } from './test-alignment';

describe('test alignment', () => {
  it('reads the names of test() and it() calls, in every quote style', () => {
    const source = [
      "test('adds the line totals', () => {});",
      'it("an empty invoice totals zero", async () => {});',
      'test.skip(`is skipped`, () => {});',
      "describe('suite', () => { it('nested \\'quoted\\' one', () => {}); });",
      'attest("not a test", () => {});',
    ].join('\n');
    expect(testNamesIn(source)).toEqual([
      'adds the line totals',
      'an empty invoice totals zero',
      'is skipped',
      "nested 'quoted' one",
    ]);
  });

  it('matches assertions to test names regardless of case and punctuation, and lists what is missing', () => {
    expect(
      checkAlignment(
        ['Adds the line totals.', 'An empty invoice totals zero'],
        ['adds the line totals', 'Totals: an empty invoice totals zero!'],
      ),
    ).toEqual({
      aligned: true,
      missing: [],
    });
    expect(checkAlignment(['rounds to cents', 'adds the line totals'], ['adds the line totals'])).toEqual({
      aligned: false,
      missing: ['rounds to cents'],
    });
  });
});
