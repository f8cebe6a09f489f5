import type { FilesMode, LlmMessage, LlmParameters } from '../llm/llm.port';
import { canonicalJson, sha256Hex } from './canonical-hash';
import type { ContextItem, ContextPiece } from './context-item';
import { estimateTokens } from '../llm/token-estimate';
import type { AssembledContext, AssemblyRequest, PromptRequest } from './context-inputs';
import { contextPieces } from './context-pieces';

export type {
  ComponentInput,
  StoryInput,
  DesignInput,
  FileInput,
  FailureInput,
  ReworkInput,
  AssemblyRequest,
  ProjectInput,
  ReviewInput,
  PromptRequest,
  AssembledContext,
} from './context-inputs';
export { contextPieces } from './context-pieces';

function subjectOf(request: AssemblyRequest | PromptRequest): string {
  switch (request.purpose) {
    case 'STORY_INTERVIEW':
      return request.project.name;
    case 'STORY_REVIEW':
    case 'STORY_AI_REVIEW':
      return request.story.title;
    default:
      return request.component.name;
  }
}

function section(piece: ContextPiece): string {
  return `## ${piece.title}\n\n${piece.content}`;
}

/** The hash a ledger entry carries: over exactly the messages sent and, for a call, the model parameters. */
export function contextHashOf(messages: readonly LlmMessage[], parameters: LlmParameters | null): string {
  return sha256Hex(canonicalJson({ parameters, messages }));
}

/**
 * Deterministic assembly: the same request gives the same messages, items and hash. The first
 * piece (the instruction) is the system message; the others are sections of one user message.
 */
export function assembleContext(
  request: AssemblyRequest | PromptRequest,
  parameters: LlmParameters | null = null,
  filesMode: FilesMode = 'fenced',
): AssembledContext {
  const pieces = contextPieces(request, filesMode);
  const [system, ...rest] = pieces;
  const sections = rest.map(section);
  const messages: LlmMessage[] = [
    { role: 'system', content: system.content },
    { role: 'user', content: sections.join('\n\n') },
  ];
  const items: ContextItem[] = pieces.map((piece) => {
    const text = piece === system ? piece.content : section(piece);
    return {
      kind: piece.kind,
      source: piece.source,
      version: piece.version,
      sha256: sha256Hex(text),
      tokens: estimateTokens(text),
    };
  });
  const subject = subjectOf(request);
  const markdown = [
    `# Context: ${subject} (${request.purpose.toLowerCase().replace(/_/g, ' ')})`,
    section(system),
    ...sections,
  ].join('\n\n');
  return { messages, items, markdown: `${markdown}\n`, contextHash: contextHashOf(messages, parameters) };
}
