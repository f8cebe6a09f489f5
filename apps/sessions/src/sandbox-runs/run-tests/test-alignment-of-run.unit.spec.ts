import { alignRun } from './test-alignment-of-run';

describe('alignRun', () => {
  it('pairs each assertion with the test named after it, citations and case aside, and lists the rest', () => {
    expect(
      alignRun(
        ['codes have 7 characters [AC-1]', 'a URL keeps its code [AC-2]', 'logs each code'],
        ['Shortener > codes have 7 characters', 'A URL keeps its code', 'test/shortener.test.ts'],
      ),
    ).toEqual({
      assertions: [
        { assertion: 'codes have 7 characters [AC-1]', testName: 'Shortener > codes have 7 characters' },
        { assertion: 'a URL keeps its code [AC-2]', testName: 'A URL keeps its code' },
        { assertion: 'logs each code', testName: null },
      ],
      missing: ['logs each code'],
    });
  });
});
