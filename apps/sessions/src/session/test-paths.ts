/** Whether a workspace path holds tests (a `*.test.*` file, or anything under a `test/`, `tests/` or `__tests__/` folder). */
export function isTestPath(path: string): boolean {
  return /\.test\.[cm]?[jt]s$/.test(path) || /(^|\/)(test|tests|__tests__)\//.test(path);
}
