import { createHash } from 'node:crypto';
import * as ts from 'typescript';

/** A test a file declares and the hash of the source it depends on in that file. */
export interface TestSourceHash {
  readonly name: string;
  readonly sha256: string;
}

interface TestCall {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

const TEST_FUNCTIONS = new Set(['test', 'it']);
const MODIFIERS = new Set(['only', 'skip', 'todo']);

/**
 * Each test a TypeScript (or JavaScript) test file declares — `test('…', …)`, `it(…)`, their
 * `.only`/`.skip`/`.todo`, and subtests `t.test(…)`, with a string-literal name — and the sha256 of
 * the file with every other test's call cut out. Editing a test, or anything around it (imports,
 * helpers, a suite's setup), changes its hash; editing another test does not; moving the file
 * changes nothing. This is how a test is known to be unchanged across design versions.
 */
export function testSourceHashes(path: string, content: string): TestSourceHash[] {
  const calls = testCalls(path, content);
  return calls.map((call) => {
    const others = calls.filter(
      (other) => other !== call && !encloses(other, call) && !encloses(call, other),
    );
    return { name: call.name, sha256: sha256(without(content, others)) };
  });
}

function testCalls(path: string, content: string): TestCall[] {
  const kind = /\.(c|m)?jsx?$/.test(path) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const file = ts.createSourceFile(path, content, ts.ScriptTarget.Latest, true, kind);
  const calls: TestCall[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && isTestFunction(node.expression)) {
      const [first] = node.arguments;
      if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)))
        calls.push({ name: first.text, start: node.getStart(file), end: node.getEnd() });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return calls;
}

/** `test`, `it`, `test.only` (and skip, todo), or a subtest `t.test` / `t.it`. */
function isTestFunction(callee: ts.Expression): boolean {
  if (ts.isIdentifier(callee)) return TEST_FUNCTIONS.has(callee.text);
  if (!ts.isPropertyAccessExpression(callee)) return false;
  if (TEST_FUNCTIONS.has(callee.name.text)) return true;
  return (
    MODIFIERS.has(callee.name.text) &&
    ts.isIdentifier(callee.expression) &&
    TEST_FUNCTIONS.has(callee.expression.text)
  );
}

function encloses(outer: TestCall, inner: TestCall): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** The text with the spans cut out (spans inside a cut span go with it). */
function without(text: string, spans: readonly TestCall[]): string {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let kept = '';
  let at = 0;
  for (const span of sorted) {
    if (span.start < at) continue;
    kept += text.slice(at, span.start);
    at = span.end;
  }
  return kept + text.slice(at);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
