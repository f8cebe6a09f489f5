import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { filesAllowed, parseFileBlocks } from './reply-parsing';
import { noUsableFileFeedback, replyProblem } from './reply-problems';

const CORPUS = resolve(__dirname, '../../../../test/fixtures/model-replies');
const reply = (file: string) => readFileSync(join(CORPUS, file), 'utf8');
const TESTS = reply('tests-tool-content.txt');
const CODE = reply('code-tool-content.txt');

/** Every fenced form in the corpus of realistic replies gives the same file, with nothing else in it. */
describe('parsing the replies of the model-replies corpus', () => {
  it.each([
    ['tests-path-attribute.md', 'test/totals.test.ts', TESTS],
    ['tests-filename-attribute.md', 'test/totals.test.ts', TESTS],
    ['tests-heading.md', 'test/totals.test.ts', TESTS],
    ['tests-bold.md', 'test/totals.test.ts', TESTS],
    ['tests-first-line-comment.md', 'test/totals.test.ts', TESTS],
    ['code-path-attribute.md', 'src/totals.ts', CODE],
    ['code-title-attribute.md', 'src/totals.ts', CODE],
    ['code-heading-backticked.md', 'src/totals.ts', CODE],
    ['code-bold-label.md', 'src/totals.ts', CODE],
    ['code-first-line-comment.md', 'src/totals.ts', CODE],
  ])('%s names %s', (file, path, content) => {
    expect(parseFileBlocks(reply(file))).toEqual({ files: [{ path, content }], rejected: [], unnamed: [] });
  });

  it('reports blocks that name no file, and the feedback quotes them and restates the form', () => {
    const parsed = parseFileBlocks(reply('tests-unnamed-blocks.md'));
    expect(parsed.files).toEqual([]);
    expect(parsed.unnamed).toEqual([
      { info: 'typescript', lines: 11, firstLine: "import test from 'node:test';" },
      { info: 'bash', lines: 1, firstLine: 'node --test' },
    ]);
    const feedback = noUsableFileFeedback(parsed, 'fenced', 'test/totals.test.ts');
    expect(feedback).toContain(
      'a fenced block ```typescript of 11 line(s) that names no file, starting "import test from',
    );
    expect(feedback).toContain('```typescript path=test/totals.test.ts');
  });

  it('refuses what a TESTS step may not write, each with its reason', () => {
    const parsed = filesAllowed(parseFileBlocks(reply('tests-outside-layout.md')), (path) =>
      path.endsWith('.test.ts') ? null : 'a TESTS session writes test files only',
    );
    expect(parsed.files).toEqual([]);
    expect(parsed.rejected).toEqual([
      { path: '../../etc/totals.test.ts', reason: 'leaves the workspace (..)' },
      { path: 'src/totals.ts', reason: 'a TESTS session writes test files only' },
    ]);
  });

  it('classifies a plain-text refusal, never parsing it', () => {
    const answer = {
      text: reply('tests-refusal.md'),
      files: null,
      refusal: null,
      reasoning: null,
      truncated: false,
    };
    expect(replyProblem(answer)?.code).toBe('REPLY_REFUSED');
  });
});
