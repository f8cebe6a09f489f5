import { testSourceHashes } from './test-source-hashes';

const file = (first: string, second: string, helper = 'const code = (url: string) => url.length;') =>
  [
    "import test from 'node:test';",
    "import assert from 'node:assert/strict';",
    helper,
    `test('codes have 7 characters', () => assert.equal(code('abcdefg'), ${first}));`,
    `test("a URL keeps its code", () => { assert.equal(code('a'), ${second}); });`,
  ].join('\n');
const hashOf = (hashes: { name: string; sha256: string }[], name: string) =>
  hashes.find((h) => h.name === name)?.sha256;

describe('testSourceHashes', () => {
  const before = testSourceHashes('test/shortener.test.ts', file('7', '1'));

  it('names every test of the file, each with a hash of its own', () => {
    expect(before.map((h) => h.name)).toEqual(['codes have 7 characters', 'a URL keeps its code']);
    expect(before[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(before[0].sha256).not.toBe(before[1].sha256);
  });

  it('keeps a test’s hash when another test of the file changes, and changes it when the test does', () => {
    const after = testSourceHashes('test/shortener.test.ts', file('8', '1'));
    expect(hashOf(after, 'a URL keeps its code')).toBe(hashOf(before, 'a URL keeps its code'));
    expect(hashOf(after, 'codes have 7 characters')).not.toBe(hashOf(before, 'codes have 7 characters'));
  });

  it('changes every test’s hash when what they share changes (a helper, an import)', () => {
    const after = testSourceHashes(
      'test/shortener.test.ts',
      file('7', '1', 'const code = (url: string) => 7;'),
    );
    expect(hashOf(after, 'codes have 7 characters')).not.toBe(hashOf(before, 'codes have 7 characters'));
    expect(hashOf(after, 'a URL keeps its code')).not.toBe(hashOf(before, 'a URL keeps its code'));
  });

  it('does not depend on where the file lives', () => {
    expect(testSourceHashes('test/moved/links.test.ts', file('7', '1'))).toEqual(before);
  });

  it('counts a subtest as part of the test that holds it, and knows it, only, skip and todo', () => {
    const source = (inner: string) =>
      [
        "import { describe, it, test } from 'node:test';",
        "describe('suite', () => {",
        `  test('outer', async (t) => { await t.test('inner', () => { ${inner} }); });`,
        "  it.only('focused', () => {});",
        "  test.skip('skipped', () => {});",
        '});',
      ].join('\n');
    const one = testSourceHashes('test/x.test.ts', source('1;'));
    const two = testSourceHashes('test/x.test.ts', source('2;'));
    expect(one.map((h) => h.name)).toEqual(['outer', 'inner', 'focused', 'skipped']);
    expect(hashOf(two, 'outer')).not.toBe(hashOf(one, 'outer'));
    expect(hashOf(two, 'focused')).toBe(hashOf(one, 'focused'));
  });

  it('reads TypeScript syntax and names with escapes as written', () => {
    const hashes = testSourceHashes(
      'test/t.test.ts',
      "import test from 'node:test';\ntype Url = string;\ntest('it\\'s typed', (): void => { const u: Url = 'x'; void u; });",
    );
    expect(hashes.map((h) => h.name)).toEqual(["it's typed"]);
  });
});
