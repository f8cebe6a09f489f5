import { z } from 'zod';
import type { GraphqlCall } from '../gateway-graphql-client';

/** One MCP tool: its schema, and the GraphQL operation(s) it runs for the caller. */
export interface McpTool {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly input: z.ZodRawShape;
  run(args: Record<string, unknown>, graphql: GraphqlCall): Promise<unknown>;
}

export const id = (what: string) => z.string().min(1).describe(`The ${what}'s id.`);

export const STORY = `id projectId title description status priority version tags
  acceptanceCriteria { id ref description verified } component { id name } createdAt updatedAt`;
export const COMPONENT = `id projectId parentId name type description moduleName designStatus testStatus codeStatus
  acceptedDesignVersion stories { id title } dependencies { id name } dependents { id name }`;
export const DESIGN = `id componentId version valid accepted errors { code message section } proposedComponents testAssertions markdown`;
export const RUN = `id outcome exitCode durationMs testsPassed testsFailed driver killedBy tests { name status message failureKind } output`;
export const SESSION = `id type status componentId componentName parentId reason summary commit
  steps { name attempt status startedAt finishedAt detail }
  llmCalls { id step model promptTokens completionTokens contextHash items { kind source version sha256 tokens } }
  budget { maxLlmCalls maxTokens llmCallsUsed tokensUsed } children { id componentName status }`;
export const PROMPT = `id kind subjectId text contextHash items { kind source version sha256 tokens }`;

export async function one<T>(
  graphql: GraphqlCall,
  query: string,
  variables: Record<string, unknown>,
  field: string,
): Promise<T> {
  const data = await graphql<Record<string, T>>(query, variables);
  return data[field];
}

export const CONTEXT_TYPES = ['DOMAIN', 'COORDINATION'];
