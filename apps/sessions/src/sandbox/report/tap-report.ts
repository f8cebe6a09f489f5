import { parse as parseYaml } from 'yaml';
import type { TestResult } from '../sandbox.port';
import { failureKind } from './failure-kind';

const RESULT = /^(not ok|ok)\s+\d+(?:\s+-\s+(.*?))?(?:\s+#\s+(SKIP|TODO)\b.*)?$/i;
const SUBTEST = /^# Subtest: (.*)$/;
const SUMMARY = /^# (tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) [\d.]+$/;
const MAX_MESSAGE = 2_000;

interface Diagnostics {
  readonly duration_ms?: number;
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

function unescapeName(name: string): string {
  return name.replace(/\\(.)/g, (_m, c: string) => (c === 'n' ? '\n' : c));
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
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
 * Per-test results from the TAP that `node --test --test-reporter=tap` writes. Suites are not
 * tests; a nested test is named by its path (`suite > test`). A file that fails before any test
 * runs is reported by node as one failing test named after the file, with what it printed to
 * stderr as comments just before it; that text decides its failure kind.
 */
export function parseTapReport(tap: string): TestResult[] {
  const lines = tap.split(/\r?\n/);
  const results: TestResult[] = [];
  const names: string[] = []; // subtest name per indent level
  const comments = new Map<number, string[]>(); // comment lines seen at a level since its last result
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i];
    const indent = indentOf(line);
    const level = Math.floor(indent / 4);
    const text = line.trim();
    const subtest = SUBTEST.exec(text);
    if (subtest) {
      names[level] = unescapeName(subtest[1]);
      names.length = level + 1;
      continue;
    }
    if (text.startsWith('#') && !SUMMARY.test(text)) {
      const list = comments.get(level) ?? [];
      list.push(text.replace(/^# ?/, ''));
      comments.set(level, list);
      continue;
    }
    const result = RESULT.exec(text);
    if (!result) continue;
    // The YAML diagnostics block follows at indent + 2, between `---` and `...`.
    let diagnostics: Diagnostics = {};
    if (lines[i + 1]?.trim() === '---') {
      const block: string[] = [];
      let j = i + 2;
      for (; j < lines.length && lines[j].trim() !== '...'; j += 1) block.push(lines[j].slice(indent + 2));
      i = j;
      try {
        diagnostics = (parseYaml(block.join('\n')) as Diagnostics | null) ?? {};
      } catch {
        diagnostics = {};
      }
    }
    const stderr = (comments.get(level) ?? []).join('\n');
    comments.delete(level);
    if (diagnostics.type === 'suite') continue;
    const leaf = unescapeName(result[2] ?? names[level] ?? `test ${results.length + 1}`);
    const name = [...names.slice(0, level), leaf].join(' > ');
    const directive = result[3]?.toUpperCase();
    const failed = result[1].toLowerCase() === 'not ok';
    let status: TestResult['status'] = failed ? 'FAILED' : 'PASSED';
    if (directive === 'SKIP') status = 'SKIPPED';
    else if (directive === 'TODO') status = 'TODO';
    else if (failed && diagnostics.failureType === 'cancelledByParent') status = 'CANCELLED';
    const failing = status === 'FAILED' || status === 'CANCELLED';
    results.push({
      name,
      status,
      message: failing ? describeFailure(diagnostics, stderr) : null,
      failureKind: failing ? failureKind({ ...diagnostics, stderr }) : null,
      durationMs: typeof diagnostics.duration_ms === 'number' ? diagnostics.duration_ms : null,
      file: fileOf(diagnostics.location),
    });
  }
  return results;
}
