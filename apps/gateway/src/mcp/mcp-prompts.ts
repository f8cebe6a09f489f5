import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { McpError, ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { GraphqlCallError } from './gateway-graphql-client';
import type { GraphqlCall } from './gateway-graphql-client';

/** One prompt of the method: the kind of recorded prompt it issues, and the argument naming its subject. */
interface MethodPrompt {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly kind: 'STORY_INTERVIEW' | 'STORY_REVIEW' | 'CONTEXT_DESIGN' | 'COMPONENT_DESIGN';
  readonly argument: string;
  readonly argumentDescription: string;
}

export const METHOD_PROMPTS: readonly MethodPrompt[] = [
  {
    name: 'story_interview',
    title: 'Interview: find the stories',
    description:
      "Use to start finding a project's user stories with the user: a product-manager interview that knows the stories already written.",
    kind: 'STORY_INTERVIEW',
    argument: 'projectId',
    argumentDescription: "The project's id (list_projects gives it).",
  },
  {
    name: 'story_review',
    title: 'Review a story',
    description:
      'Use to review one user story with its author: its deterministic findings, the other titles, and a proposed revision.',
    kind: 'STORY_REVIEW',
    argument: 'storyId',
    argumentDescription: "The story's id (list_stories gives it).",
  },
  {
    name: 'context_design',
    title: 'Design a context',
    description:
      'Use to design one bounded context with the user: its components, dependencies, stories and design template.',
    kind: 'CONTEXT_DESIGN',
    argument: 'contextId',
    argumentDescription: "The context's id (list_components or show_architecture gives it).",
  },
  {
    name: 'component_design',
    title: 'Design a component',
    description:
      "Use to write one component's design document: the same context an automated DESIGN session gives the model (component, linked stories with their AC- references, template). Submit the result with submit_design.",
    kind: 'COMPONENT_DESIGN',
    argument: 'componentId',
    argumentDescription: "The component's id (list_components gives it).",
  },
];

/**
 * `prompts/list` and `prompts/get`: the method's prompts, each issued through `issuePrompt`, so the
 * text is the recorded one (its id and context hash are in the description) and the issue is on
 * the project's timeline. AI coding tools show these as commands.
 */
export function registerMethodPrompts(server: McpServer, graphql: GraphqlCall): void {
  for (const prompt of METHOD_PROMPTS) {
    server.registerPrompt(
      prompt.name,
      {
        title: prompt.title,
        description: prompt.description,
        argsSchema: { [prompt.argument]: z.string().describe(prompt.argumentDescription) },
      },
      async (args: Record<string, string>) => {
        try {
          const { issuePrompt } = await graphql<{
            issuePrompt: { id: string; text: string; contextHash: string };
          }>(
            `mutation($s: ID!) { issuePrompt(kind: ${prompt.kind}, subjectId: $s) { id text contextHash } }`,
            { s: args[prompt.argument] },
          );
          return {
            description: `${prompt.title} (recorded as prompt ${issuePrompt.id}, context ${issuePrompt.contextHash.slice(0, 12)})`,
            messages: [{ role: 'user' as const, content: { type: 'text' as const, text: issuePrompt.text } }],
          };
        } catch (error) {
          const code = error instanceof GraphqlCallError ? error.code : 'INTERNAL';
          const message =
            error instanceof GraphqlCallError ? error.message : 'the prompt could not be issued';
          throw new McpError(ErrorCode.InvalidParams, `${code}: ${message}`);
        }
      },
    );
  }
}
