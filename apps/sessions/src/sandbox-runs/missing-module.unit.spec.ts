import type { TestResult } from '../sandbox/sandbox.port';
import { classifyMissingModules, isOwnImplementation, missingModuleOf } from './missing-module';

const loadFailure = (message: string): TestResult => ({
  name: 'test/shortener.test.ts',
  status: 'FAILED',
  message,
  failureKind: 'missing_module',
  durationMs: 3,
  file: 'test/shortener.test.ts',
});

describe('a missing module is red evidence only when it is the component’s own implementation', () => {
  it('reads the module a load failure names', () => {
    expect(
      missingModuleOf(
        "Error [ERR_MODULE_NOT_FOUND]: Cannot find module '/sandbox/workspace/src/shortener.ts' imported from /sandbox/workspace/test/shortener.test.ts",
      ),
    ).toBe('/sandbox/workspace/src/shortener.ts');
    expect(
      missingModuleOf(
        "SyntaxError: The requested module '../src/shortener.ts' does not provide an export named 'shorten'",
      ),
    ).toBe('../src/shortener.ts');
    expect(
      missingModuleOf("Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'nanoid' imported from /x.ts"),
    ).toBe('nanoid');
    expect(missingModuleOf('test failed')).toBeNull();
  });

  it('knows the implementation by the file layout, with any source extension or none', () => {
    expect(isOwnImplementation('../src/shortener.ts', 'Shortener')).toBe(true);
    expect(isOwnImplementation('../src/shortener.js', 'Shortener')).toBe(true);
    expect(isOwnImplementation('/sandbox/workspace/src/shop-cart-totals', 'Shop.CartTotals')).toBe(true);
    expect(isOwnImplementation('../src/store.ts', 'Shortener')).toBe(false);
    expect(isOwnImplementation('./shortener.ts', 'Shortener')).toBe(false);
    expect(isOwnImplementation('shortener', 'Shortener')).toBe(false);
  });

  it('marks every other missing module missing_dependency, which is no evidence', () => {
    const own = loadFailure(
      "Error [ERR_MODULE_NOT_FOUND]: Cannot find module '/sandbox/workspace/src/shortener.ts' imported from /sandbox/workspace/test/shortener.test.ts",
    );
    const other = loadFailure(
      "Error [ERR_MODULE_NOT_FOUND]: Cannot find module '/sandbox/workspace/src/store.ts' imported from /sandbox/workspace/test/shortener.test.ts",
    );
    const unnamed = loadFailure('test failed');
    const assertion: TestResult = { ...own, name: 'codes have 7 characters', failureKind: 'assertion' };
    expect(
      classifyMissingModules([own, other, unnamed, assertion], 'Shortener').map((t) => t.failureKind),
    ).toEqual(['missing_module', 'missing_dependency', 'missing_dependency', 'assertion']);
  });
});
