/**
 * The fixed instructions of each kind of LLM call. Each has a version: changing a text means a new
 * version, so a ledger entry always says exactly which instruction went in.
 */
export interface Instruction {
  readonly name: string;
  readonly version: number;
  readonly text: string;
}

/** How a step asks for its files, one instruction per form (appended to the TESTS and CODE calls). */
export const REPLY_FILES_INSTRUCTIONS: Readonly<Record<'tools' | 'json' | 'fenced', Instruction>> = {
  fenced: {
    name: 'reply-files-fenced',
    version: 1,
    text: [
      'Reply with fenced code blocks only, one per file, each holding the whole file; the info string of each block names the language and the file,',
      'for example ```typescript path=src/example.ts. Paths are relative to the workspace root; never absolute, never "..".',
    ].join(' '),
  },
  tools: {
    name: 'reply-files-tools',
    version: 1,
    text: 'Write each file by calling the write_file tool once per file, with its path (relative to the workspace root; never absolute, never "..") and its whole content.',
  },
  json: {
    name: 'reply-files-json',
    version: 1,
    text: 'Reply with one JSON object {"files": [{"path": "<path>", "content": "<whole file>"}]}: paths relative to the workspace root, never absolute, never "..".',
  },
};

const NODE_TYPESCRIPT = [
  'The code is TypeScript run directly by Node.js 24, which strips type annotations:',
  'use only erasable syntax (no enums, no namespaces, no parameter properties), and import local files',
  'with their .ts extension. There are no npm packages: use only Node.js built-in modules.',
].join(' ');

export const DESIGN_INSTRUCTION: Instruction = {
  name: 'design',
  version: 2,
  text: [
    'You are the software architect of a spec-driven project.',
    'Write the design document of one component, from the architecture, the stories linked to it and the template given.',
    'Keep every heading of the template, in the same order, at the same level, and fill every required section; add no other sections.',
    'The Dependencies section names exactly the dependencies given; the Components section (for contexts) has one "###" entry per child component given.',
    'Test Assertions is a bullet list of short, testable statements; each one will become the name of one test.',
    'End each assertion with the references of the acceptance criteria it verifies, in square brackets: "- rejects a wrong password [AC-12]" (several: "[AC-3, AC-4]"; none for an internal behaviour).',
    'Every acceptance criterion of the stories given must be cited by at least one assertion; cite no other references.',
    'Reply with the markdown document only (optionally inside one ```markdown fence).',
  ].join('\n'),
};

export const DESIGN_REVISION_INSTRUCTION: Instruction = {
  name: 'design-revision',
  version: 2,
  text: [
    DESIGN_INSTRUCTION.text,
    'Your previous draft did not pass validation. Revise it so that every listed error is fixed, and change nothing else.',
  ].join('\n'),
};

export const TESTS_INSTRUCTION: Instruction = {
  name: 'tests',
  version: 3,
  text: [
    'You write the tests of one component from its accepted design, before the component exists.',
    "Use Node.js's built-in test runner: import test from 'node:test' and assert from 'node:assert/strict'.",
    "Write one test per item of the design's Test Assertions, named exactly as the item reads without its [AC-…] references.",
    'Import the implementation from the path given; that file does not exist yet, so the tests must fail now.',
    NODE_TYPESCRIPT,
  ].join('\n'),
};

export const TESTS_FIX_INSTRUCTION: Instruction = {
  name: 'tests-fix',
  version: 2,
  text: [
    TESTS_INSTRUCTION.text,
    'Your previous tests could not be used, for the reasons given below. Reply with the corrected files in full.',
  ].join('\n'),
};

export const TESTS_REWORK_INSTRUCTION: Instruction = {
  name: 'tests-rework',
  version: 1,
  text: [
    'You rework the tests of one component after its design changed; its code still follows the old design.',
    "Use Node.js's built-in test runner: import test from 'node:test' and assert from 'node:assert/strict'.",
    'Below are the accepted design, what changed since the version the tests were written for (a diff), the assertions that are new or changed, and the existing tests.',
    'Change or add only the tests of the new or changed assertions, each named exactly as the item reads without its [AC-…] references; remove the tests of assertions the design no longer has; leave every other test as it is.',
    'The tests of the changed assertions must fail against the existing code; the others keep passing. Reply with every test file you change, in full.',
    NODE_TYPESCRIPT,
  ].join('\n'),
};

export const TESTS_REWORK_FIX_INSTRUCTION: Instruction = {
  name: 'tests-rework-fix',
  version: 1,
  text: [
    TESTS_REWORK_INSTRUCTION.text,
    'Your previous tests could not be used, for the reasons given below. Reply with the corrected files in full.',
  ].join('\n'),
};

export const CODE_REWORK_INSTRUCTION: Instruction = {
  name: 'code-rework',
  version: 1,
  text: [
    'You rework the implementation of one component after its design changed, so that its failing tests pass and its passing tests keep passing.',
    'The current implementation is below: change it as little as the design asks. Do not change the tests and do not write new test files.',
    'Reply with every implementation file you change, in full.',
    NODE_TYPESCRIPT,
  ].join('\n'),
};

export const CODE_INSTRUCTION: Instruction = {
  name: 'code',
  version: 2,
  text: [
    'You write the implementation of one component so that its failing tests pass, following its design.',
    'Do not change the tests and do not write new test files.',
    NODE_TYPESCRIPT,
  ].join('\n'),
};

export const CODE_FIX_INSTRUCTION: Instruction = {
  name: 'code-fix',
  version: 2,
  text: [
    CODE_INSTRUCTION.text,
    'Your previous implementation did not pass every test. The failing tests and their messages are below; reply with the corrected files in full.',
  ].join('\n'),
};

export const STORY_INTERVIEW_INSTRUCTION: Instruction = {
  name: 'story-interview',
  version: 1,
  text: [
    'You are an experienced product manager interviewing the user to find the user stories of the project below.',
    'Ask one question at a time; start from what the existing stories leave open, and never repeat a story that exists.',
    'When you have enough, write each new story in user_stories.md format: "## Title", then "As a … I want … So that …",',
    'then "### Acceptance Criteria" with a bullet list of testable criteria (with numbers where "fast" or "easy" would be vague).',
  ].join('\n'),
};

export const STORY_REVIEW_INSTRUCTION: Instruction = {
  name: 'story-review',
  version: 1,
  text: [
    'You are an experienced product manager reviewing one user story with its author.',
    'Go through the deterministic findings below, then anything they miss: is the story valuable, small, testable,',
    'and distinct from the other stories listed? Propose a revised title, description and acceptance criteria.',
  ].join('\n'),
};

export const STORY_AI_REVIEW_INSTRUCTION: Instruction = {
  name: 'story-ai-review',
  version: 1,
  text: [
    'You review one user story. Reply with one JSON object only (optionally in a ```json fence):',
    '{"score": <0-100>, "findings": [{"rule": "<rule id>", "severity": "error" | "warning" | "info", "message": "<one sentence>"}]}.',
    'Use the rule ids of the deterministic review where they apply (story-format, criteria-present, testable-criteria,',
    'title-length, story-size, near-duplicate) and otherwise short kebab-case ids of your own.',
  ].join('\n'),
};

export const CONTEXT_DESIGN_INSTRUCTION: Instruction = {
  name: 'context-design',
  version: 1,
  text: [
    'You are the software architect of a spec-driven project, designing one bounded context with the user.',
    "Discuss the context's purpose, the entities it owns, its public API and its components, then write its design",
    'document following the template below: every heading in the same order, every required section filled.',
  ].join('\n'),
};
