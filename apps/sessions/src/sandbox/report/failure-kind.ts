import type { FailureKind } from '../sandbox.port';

export interface FailureFacts {
  readonly code?: string;
  readonly name?: string;
  readonly error?: string;
  readonly failureType?: string;
  /** What the test file printed to stderr before failing (node's TAP shows it as comments). */
  readonly stderr?: string;
}

const MISSING_MODULE = [
  /ERR_MODULE_NOT_FOUND/,
  /Cannot find module/,
  /does not provide an export named/,
  /ERR_PACKAGE_PATH_NOT_EXPORTED/,
];
const SYNTAX = [
  /SyntaxError/,
  /ERR_INVALID_TYPESCRIPT_SYNTAX/,
  /ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX/,
  /ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING/,
];

/**
 * Why a test failed, from what node's test runner reports. Missing modules are checked before
 * syntax errors, because a missing named export is raised as a SyntaxError by the ESM loader.
 */
export function failureKind(facts: FailureFacts): FailureKind {
  if (facts.failureType === 'cancelledByParent') return 'cancelled';
  if (facts.code === 'ERR_TEST_FAILURE' && /timed out/i.test(facts.error ?? '')) return 'timeout';
  const text = [facts.code, facts.name, facts.error, facts.stderr].filter(Boolean).join('\n');
  if (MISSING_MODULE.some((pattern) => pattern.test(text))) return 'missing_module';
  if (SYNTAX.some((pattern) => pattern.test(text))) return 'syntax';
  if (facts.code === 'ERR_ASSERTION' || facts.name === 'AssertionError') return 'assertion';
  return 'runtime';
}
