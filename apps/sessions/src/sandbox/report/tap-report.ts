import { Parser } from 'tap-parser';
import type { Result } from 'tap-parser';
import type { TestResult } from '../sandbox.port';
import { failureKind } from './failure-kind';

const SUBTEST = /^# Subtest: /;
const SUMMARY = /^# (tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) [\d.]+$/;
const MAX_MESSAGE = 2_000;

interface Diagnostics {
  readonly type?: string;
  readonly location?: string;
  readonly failureType?: string;
  readonly error?: string;
  readonly code?: string;
  readonly name?: string;
  readonly expected?: unknown;
  readonly actual?: unknown;
  readonly operator?: string;
}

function fileOf(location: string | undefined): string | null {
  if (!location) return null;
  return location.replace(/:\d+:\d+$/, '');
}

function firstErrorLine(stderr: string): string | null {
  const line = stderr.split('\n').find((l) => /^\w*Error\b/.test(l.trim()));
  return line?.trim() ?? null;
}

function describeFailure(d: Diagnostics, stderr: string): string {
  // A file that failed to load reports only "test failed": the reason is in what it printed.
  const reason =
    d.code === 'ERR_TEST_FAILURE' && d.error === 'test failed'
      ? (firstErrorLine(stderr) ?? d.error)
      : (d.error ?? 'failed');
  const parts = [reason];
  if (d.operator !== undefined && (d.expected !== undefined || d.actual !== undefined)) {
    parts.push(`expected: ${JSON.stringify(d.expected)}, actual: ${JSON.stringify(d.actual)}`);
  }
  const message = parts.join(' — ');
  return message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message;
}

/**
 * Per-test results from the TAP that `node --test --test-reporter=tap` writes (read by
 * `tap-parser`). Suites are not tests; a nested test is named by its path (`suite > test`). A
 * file that fails before any test runs is reported by node as one failing test named after the
 * file, with what it printed to stderr as comments just before it; that text decides its failure kind.
 */
export function parseTapReport(tap: string): TestResult[] {
  const results: TestResult[] = [];
  const parser = new Parser();
  collect(parser, results);
  parser.end(tap);
  return results;
}

/** One level of the report (the root or a subtest's): comments since its last result belong to the next one. */
function collect(parser: Parser, results: TestResult[]): void {
  let comments: string[] = [];
  parser.on('child', (child: Parser) => collect(child, results));
  parser.on('comment', (line: string) => {
    const text = line.trim();
    if (!SUBTEST.test(text) && !SUMMARY.test(text)) comments.push(text.replace(/^# ?/, ''));
  });
  parser.on('assert', (result: Result) => {
    const stderr = comments.join('\n');
    comments = [];
    const diagnostics = (result.diag ?? {}) as Diagnostics;
    if (diagnostics.type !== 'suite') results.push(testResult(result, diagnostics, stderr, results.length));
  });
}

function testResult(result: Result, diagnostics: Diagnostics, stderr: string, seen: number): TestResult {
  let status: TestResult['status'] = result.ok ? 'PASSED' : 'FAILED';
  if (result.skip !== false) status = 'SKIPPED';
  else if (result.todo !== false) status = 'TODO';
  else if (!result.ok && diagnostics.failureType === 'cancelledByParent') status = 'CANCELLED';
  const failing = status === 'FAILED' || status === 'CANCELLED';
  return {
    name: result.fullname || result.name || `test ${seen + 1}`,
    status,
    message: failing ? describeFailure(diagnostics, stderr) : null,
    failureKind: failing ? failureKind({ ...diagnostics, stderr }) : null,
    durationMs: result.time,
    file: fileOf(diagnostics.location),
  };
}
