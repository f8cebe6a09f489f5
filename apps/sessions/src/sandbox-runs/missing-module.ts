import type { TestResult } from '../sandbox/sandbox.port';
import { componentFiles } from '../context/file-layout';

const NAMED_MODULE = [
  /Cannot find (?:module|package) '([^']+)'/,
  /requested module '([^']+)' does not provide/,
  /Cannot find module "([^"]+)"/,
];
const SOURCE_EXTENSION = /\.(?:[cm]?[jt]s|[jt]sx)$/;

/** The module a load failure names (`Cannot find module '…'`, `The requested module '…' does not provide …`), if any. */
export function missingModuleOf(message: string): string | null {
  for (const pattern of NAMED_MODULE) {
    const found = pattern.exec(message);
    if (found) return found[1];
  }
  return null;
}

/**
 * Whether a missing module is the component's own implementation (`src/<stem>.ts` of its file
 * layout, imported with any source extension or none): the one module whose absence is red
 * evidence. A package, another project file, or a failure that names no module is not.
 */
export function isOwnImplementation(specifier: string, componentName: string): boolean {
  if (!specifier.startsWith('.') && !specifier.startsWith('/')) return false;
  const stemOf = (path: string) => (path.split('/').pop() ?? '').replace(SOURCE_EXTENSION, '');
  const segments = specifier.split('/');
  const implementation = componentFiles(componentName).implementation;
  return stemOf(specifier) === stemOf(implementation) && segments.includes('src');
}

/**
 * A test that failed on a missing module other than the component's own implementation failed for
 * the wrong reason: it becomes `missing_dependency`, which is no red evidence.
 */
export function classifyMissingModules(tests: readonly TestResult[], componentName: string): TestResult[] {
  return tests.map((test) => {
    if (test.failureKind !== 'missing_module') return test;
    const missing = missingModuleOf(test.message ?? '');
    return missing !== null && isOwnImplementation(missing, componentName)
      ? test
      : { ...test, failureKind: 'missing_dependency' };
  });
}
