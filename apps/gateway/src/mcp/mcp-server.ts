import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { GraphqlCallError } from './gateway-graphql-client';
import type { GraphqlCall } from './gateway-graphql-client';
import { registerArchitectures, registerDesignTemplates } from './mcp-resources';
import { MCP_TOOLS } from './mcp-tools';
import { registerMethodPrompts } from './mcp-prompts';

function toolError(error: unknown): CallToolResult {
  const payload =
    error instanceof GraphqlCallError
      ? { code: error.code, message: error.message, ...error.extensions }
      : { code: 'INTERNAL', message: 'the tool failed' };
  return { isError: true, content: [{ type: 'text', text: JSON.stringify(payload, null, 2) }] };
}

/**
 * The MCP server for one caller: every tool of `MCP_TOOLS`, the method's prompts, and two resources — the design
 * templates (`codemyspec://templates/<type>`) and each visible project's architecture as Mermaid
 * (`codemyspec://projects/<id>/architecture.mmd`).
 */
export function createMcpServer(graphql: GraphqlCall, version: string): McpServer {
  const server = new McpServer(
    { name: 'codemyspec', title: 'CodeMySpec', version },
    {
      instructions:
        'Spec-driven development: stories → contexts and components → designs → red tests → green code.',
    },
  );
  for (const tool of MCP_TOOLS) {
    server.registerTool(
      tool.name,
      { title: tool.title, description: tool.description, inputSchema: tool.input },
      async (args: Record<string, unknown>) => {
        try {
          const result = await tool.run(args, graphql);
          return { content: [{ type: 'text', text: JSON.stringify(result, null, 2) }] };
        } catch (error) {
          return toolError(error);
        }
      },
    );
  }

  registerMethodPrompts(server, graphql);
  registerDesignTemplates(server, graphql);
  registerArchitectures(server, graphql);
  return server;
}
