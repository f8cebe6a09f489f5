import type { ChatRequest, ScriptedReply } from '@app/testing/scripted-llm-server';

/**
 * The scripted model of the e2e tests: it recognises the kind of call from its instruction and
 * answers like a model would — an invalid first draft for "Totals" then a valid one, red tests,
 * buggy then correct code, and whatever review the test sets.
 */
export type Phase =
  | 'design'
  | 'design-revision'
  | 'tests'
  | 'tests-fix'
  | 'tests-rework'
  | 'code'
  | 'code-fix'
  | 'code-rework'
  | 'review';

export function phaseOf(request: ChatRequest): Phase {
  const system = request.messages[0]?.content ?? '';
  if (system.startsWith('You review one user story')) return 'review';
  if (system.includes('did not pass validation')) return 'design-revision';
  if (system.startsWith('You are the software architect')) return 'design';
  if (system.includes('previous tests could not be used')) return 'tests-fix';
  if (system.startsWith('You rework the tests')) return 'tests-rework';
  if (system.startsWith('You rework the implementation')) return 'code-rework';
  if (system.startsWith('You write the tests')) return 'tests';
  if (system.includes('previous implementation did not pass')) return 'code-fix';
  return 'code';
}

export const nameIn = (request: ChatRequest) =>
  /^Name: (.*)$/m.exec(request.messages[1]?.content ?? '')?.[1] ?? '?';

/** The criterion references the prompt shows (`- AC-3: …`), for a design that cites them as a good model does. */
export const refsIn = (request: ChatRequest) => [
  ...new Set(
    request.messages.flatMap((m) => [...(m.content ?? '').matchAll(/^- (AC-\d+):/gm)].map((r) => r[1])),
  ),
];

export function design(name: string, withExecutionFlow: boolean, refs: readonly string[] = []): string {
  return [
    'Here is the design.',
    '',
    '```markdown',
    `# ${name}`,
    '',
    '## Purpose',
    '',
    `${name} adds up the lines of an invoice.`,
    '',
    '## Public API',
    '',
    '`total(lines: { price: number; qty: number }[]): number`',
    '',
    ...(withExecutionFlow ? ['## Execution Flow', '', 'Sum price × quantity over the lines.', ''] : []),
    '## Test Assertions',
    '',
    `- adds the line totals${refs.length > 0 ? ` [${refs.join(', ')}]` : ''}`,
    '- an empty invoice totals zero',
    '```',
  ].join('\n');
}

const TESTS_REPLY = [
  'The tests:',
  '```typescript path=test/totals.test.ts',
  "import test from 'node:test';",
  "import assert from 'node:assert/strict';",
  "import { total } from '../src/totals.ts';",
  "test('adds the line totals', () => assert.equal(total([{ price: 2, qty: 3 }, { price: 1, qty: 1 }]), 7));",
  "test('an empty invoice totals zero', () => assert.equal(total([]), 0));",
  '```',
].join('\n');

const code = (body: string) =>
  [
    '```typescript path=src/totals.ts',
    `export function total(lines: { price: number; qty: number }[]): number {`,
    `  ${body}`,
    '}',
    '```',
  ].join('\n');
const BUGGY_CODE = code(
  'return lines.length ? lines.reduce((sum, l) => sum + l.price * l.qty, 0) : Number.NaN;',
);
export const GOOD_CODE = code('return lines.reduce((sum, l) => sum + l.price * l.qty, 0);');

/** The scripted model: invalid first drafts for "Totals", valid ones otherwise; red tests; buggy then good code. */
export function responder(
  options: { hangOnRevision?: () => boolean; reviewReply?: () => string; codeReply?: () => string } = {},
) {
  return (request: ChatRequest): ScriptedReply => {
    switch (phaseOf(request)) {
      case 'design':
        return { content: design(nameIn(request), nameIn(request) !== 'Totals', refsIn(request)) };
      case 'design-revision':
        if (options.hangOnRevision?.()) return { hang: true };
        return { content: design(nameIn(request), true, refsIn(request)) };
      case 'tests':
      case 'tests-fix':
      case 'tests-rework':
        return { content: TESTS_REPLY };
      case 'code':
        return { content: options.codeReply?.() ?? BUGGY_CODE };
      case 'code-fix':
      case 'code-rework':
        return { content: GOOD_CODE };
      case 'review':
        return options.reviewReply ? { content: options.reviewReply() } : { content: 'no review' };
    }
  };
}
