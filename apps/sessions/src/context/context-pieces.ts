import type { ContextPiece } from './context-item';
import { componentFiles } from './file-layout';
import { reworkPiece } from './rework-piece';
import type { Instruction } from './instructions';
import {
  CODE_FIX_INSTRUCTION,
  CODE_INSTRUCTION,
  DESIGN_INSTRUCTION,
  DESIGN_REVISION_INSTRUCTION,
  CONTEXT_DESIGN_INSTRUCTION,
  STORY_AI_REVIEW_INSTRUCTION,
  STORY_INTERVIEW_INSTRUCTION,
  STORY_REVIEW_INSTRUCTION,
  TESTS_FIX_INSTRUCTION,
  TESTS_INSTRUCTION,
  TESTS_REWORK_FIX_INSTRUCTION,
  TESTS_REWORK_INSTRUCTION,
  CODE_REWORK_INSTRUCTION,
  REPLY_FILES_INSTRUCTIONS,
} from './instructions';
import type {
  ComponentInput,
  StoryInput,
  DesignInput,
  FileInput,
  FailureInput,
  AssemblyRequest,
  ProjectInput,
  ReviewInput,
  PromptRequest,
} from './context-inputs';

const MAX_FAILURE_MESSAGE = 800;
const MAX_FAILURES = 25;

function instructionPiece(instruction: Instruction): ContextPiece {
  return {
    kind: 'instruction',
    source: `instruction:${instruction.name}`,
    version: instruction.version,
    title: 'Instructions',
    content: instruction.text,
  };
}

function componentPiece(component: ComponentInput): ContextPiece {
  const files = componentFiles(component.name);
  const lines = [
    `Name: ${component.name}`,
    `Type: ${component.type}`,
    ...(component.moduleName ? [`Module: ${component.moduleName}`] : []),
    `Description: ${component.description || '(none)'}`,
    ...(component.parent
      ? [
          `Context: ${component.parent.name} (${component.parent.type}) — ${component.parent.description || 'no description'}`,
        ]
      : []),
    `Dependencies: ${component.dependencies.length ? component.dependencies.map((d) => `${d.name} (${d.type})`).join(', ') : 'none'}`,
    ...(component.children.length
      ? [`Child components: ${component.children.map((c) => `${c.name} (${c.type})`).join(', ')}`]
      : []),
    `Implementation file: ${files.implementation}`,
    `Test file: ${files.tests}`,
  ];
  // The architect keeps no per-component version: 0 means "as it stood when this was assembled".
  return {
    kind: 'instruction',
    source: `component-${component.id}`,
    version: 0,
    title: 'Component',
    content: lines.join('\n'),
  };
}

function storyPiece(story: StoryInput): ContextPiece {
  const criteria = story.criteria.length
    ? story.criteria.map((c) => `- ${c}`).join('\n')
    : '- (no acceptance criteria)';
  return {
    kind: 'story',
    source: `story-${story.id}`,
    version: story.version,
    title: `Story: ${story.title}`,
    content: `${story.description}\n\nAcceptance criteria:\n${criteria}`,
  };
}

function designPiece(design: DesignInput, title = 'Accepted design'): ContextPiece {
  return {
    kind: 'design',
    source: `design-${design.componentId}`,
    version: design.version,
    title: `${title} (version ${design.version})`,
    content: design.markdown.trim(),
  };
}

function filePiece(file: FileInput, kind: 'test' | 'code' | 'design'): ContextPiece {
  const fence = file.content.includes('```') ? '~~~~' : '```';
  const language = file.path.endsWith('.md') ? 'markdown' : 'typescript';
  return {
    kind,
    source: `${file.source}:${file.path}`,
    version: file.version,
    title: kind === 'design' ? 'Previous draft' : `File ${file.path}`,
    content:
      kind === 'design'
        ? file.content.trim()
        : `${fence}${language} path=${file.path}\n${file.content.replace(/\n$/, '')}\n${fence}`,
  };
}

function failurePiece(failure: FailureInput, title: string): ContextPiece {
  const shown = [...failure.failures]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, MAX_FAILURES)
    .map((f) => {
      const message =
        f.message.length > MAX_FAILURE_MESSAGE ? `${f.message.slice(0, MAX_FAILURE_MESSAGE)}…` : f.message;
      return `- ${f.name}: ${message.replace(/\n/g, ' ')}`;
    });
  const more =
    failure.failures.length > MAX_FAILURES ? [`- … and ${failure.failures.length - MAX_FAILURES} more`] : [];
  return {
    kind: 'error',
    source: failure.source,
    version: failure.version,
    title,
    content: [failure.summary, ...shown, ...more].join('\n'),
  };
}

function templatePiece(template: string, type: string): ContextPiece {
  return {
    kind: 'instruction',
    source: `template:${type}`,
    version: 1,
    title: 'Template',
    content: template.trim(),
  };
}

function projectPiece(project: ProjectInput): ContextPiece {
  return {
    kind: 'instruction',
    source: `project-${project.id}`,
    version: project.version,
    title: `Project: ${project.name}`,
    content: project.description || '(no description)',
  };
}

function reviewPiece(review: ReviewInput): ContextPiece {
  const findings = review.findings.length
    ? review.findings.map((f) => `- [${f.severity}] ${f.rule}: ${f.message}`).join('\n')
    : '- (no findings)';
  return {
    kind: 'story',
    source: `story-${review.storyId}:review`,
    version: review.storyVersion,
    title: 'Deterministic review',
    content: `Score ${review.score}/100\n${findings}`,
  };
}

function titlesPiece(projectId: string, version: number, titles: readonly string[]): ContextPiece {
  return {
    kind: 'story',
    source: `project-${projectId}:story-titles`,
    version,
    title: 'Other stories of the project',
    content: titles.length
      ? [...titles]
          .sort()
          .map((t) => `- ${t}`)
          .join('\n')
      : '- (none)',
  };
}

const FILE_PURPOSES = new Set(['TESTS', 'TESTS_FIX', 'CODE', 'CODE_FIX']);

/**
 * The pieces of a call, in order; a call that writes files ends with the form its files are
 * asked for in (fenced blocks unless the endpoint takes tool calls or JSON).
 */
export function contextPieces(
  request: AssemblyRequest | PromptRequest,
  filesMode: 'tools' | 'json' | 'fenced' = 'fenced',
): ContextPiece[] {
  const pieces = purposePieces(request);
  if (!FILE_PURPOSES.has(request.purpose)) return pieces;
  const format = instructionPiece(REPLY_FILES_INSTRUCTIONS[filesMode]);
  return [...pieces, { ...format, title: 'Reply format' }];
}

/** The pieces of a request, in the one order they always go in. */
function purposePieces(request: AssemblyRequest | PromptRequest): ContextPiece[] {
  switch (request.purpose) {
    case 'STORY_INTERVIEW':
      return [
        instructionPiece(STORY_INTERVIEW_INSTRUCTION),
        projectPiece(request.project),
        ...request.stories.map(storyPiece),
      ];
    case 'STORY_REVIEW':
    case 'STORY_AI_REVIEW':
      return [
        instructionPiece(
          request.purpose === 'STORY_REVIEW' ? STORY_REVIEW_INSTRUCTION : STORY_AI_REVIEW_INSTRUCTION,
        ),
        projectPiece(request.project),
        storyPiece(request.story),
        reviewPiece(request.review),
        titlesPiece(request.project.id, request.project.version, request.otherTitles),
      ];
    case 'CONTEXT_DESIGN':
      return [
        instructionPiece(CONTEXT_DESIGN_INSTRUCTION),
        componentPiece(request.component),
        ...request.stories.map(storyPiece),
        templatePiece(request.template, request.component.type),
      ];
    case 'DESIGN':
      return [
        instructionPiece(DESIGN_INSTRUCTION),
        componentPiece(request.component),
        ...request.stories.map(storyPiece),
        templatePiece(request.template, request.component.type),
      ];
    case 'DESIGN_REVISION':
      return [
        instructionPiece(DESIGN_REVISION_INSTRUCTION),
        componentPiece(request.component),
        ...request.stories.map(storyPiece),
        templatePiece(request.template, request.component.type),
        filePiece(request.draft, 'design'),
        failurePiece(request.errors, 'Validation errors'),
      ];
    case 'TESTS':
    case 'TESTS_FIX':
    case 'CODE':
    case 'CODE_FIX':
      return writingPieces(request);
    default: {
      const unknown: never = request;
      throw new Error(`unknown purpose ${String((unknown as { purpose: string }).purpose)}`);
    }
  }
}

/** The pieces of a call that writes tests or code. */
function writingPieces(
  request: Extract<AssemblyRequest, { purpose: 'TESTS' | 'TESTS_FIX' | 'CODE' | 'CODE_FIX' }>,
): ContextPiece[] {
  switch (request.purpose) {
    case 'TESTS':
      return [
        instructionPiece(request.rework ? TESTS_REWORK_INSTRUCTION : TESTS_INSTRUCTION),
        componentPiece(request.component),
        designPiece(request.design),
        ...(request.rework
          ? [reworkPiece(request.rework), ...request.rework.tests.map((f) => filePiece(f, 'test'))]
          : []),
      ];
    case 'TESTS_FIX':
      return [
        instructionPiece(request.rework ? TESTS_REWORK_FIX_INSTRUCTION : TESTS_FIX_INSTRUCTION),
        componentPiece(request.component),
        designPiece(request.design),
        ...(request.rework ? [reworkPiece(request.rework)] : []),
        ...request.tests.map((f) => filePiece(f, 'test')),
        failurePiece(request.errors, 'Why the tests cannot be used'),
      ];
    case 'CODE':
      return [
        instructionPiece(request.code?.length ? CODE_REWORK_INSTRUCTION : CODE_INSTRUCTION),
        componentPiece(request.component),
        designPiece(request.design),
        ...request.tests.map((f) => filePiece(f, 'test')),
        ...(request.code ?? []).map((f) => filePiece(f, 'code')),
        failurePiece(request.failures, 'Failing tests'),
      ];
    case 'CODE_FIX':
      return [
        instructionPiece(CODE_FIX_INSTRUCTION),
        componentPiece(request.component),
        designPiece(request.design),
        ...request.tests.map((f) => filePiece(f, 'test')),
        ...request.code.map((f) => filePiece(f, 'code')),
        failurePiece(request.failures, 'Failing tests'),
      ];
  }
}
