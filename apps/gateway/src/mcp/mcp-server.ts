import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { GraphqlCallError } from './gateway-graphql-client';
import type { GraphqlCall } from './gateway-graphql-client';
import { MCP_TOOLS } from './mcp-tools';

const DESIGN_TYPES = ['context', 'coordination_context', 'schema', 'component'] as const;

function toolError(error: unknown): CallToolResult {
  const payload =
    error instanceof GraphqlCallError
      ? { code: error.code, message: error.message, ...error.extensions }
      : { code: 'INTERNAL', message: 'the tool failed' };
  return { isError: true, content: [{ type: 'text', text: JSON.stringify(payload, null, 2) }] };
}

/**
 * The MCP server for one caller: every tool of `MCP_TOOLS`, and two resources — the design
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

  server.registerResource(
    'design-template',
    new ResourceTemplate('codemyspec://templates/{type}', {
      list: () => ({
        resources: DESIGN_TYPES.map((type) => ({
          uri: `codemyspec://templates/${type}`,
          name: `${type} design template`,
          mimeType: 'text/markdown',
        })),
      }),
    }),
    {
      title: 'Design templates',
      description: 'A design document template per type, ready to fill in.',
      mimeType: 'text/markdown',
    },
    async (uri, variables) => {
      const type = String(variables.type);
      const data = await graphql<{ designTemplate: string }>(
        `
          query ($t: String!) {
            designTemplate(type: $t)
          }
        `,
        { t: type },
      );
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: data.designTemplate }] };
    },
  );

  server.registerResource(
    'architecture',
    new ResourceTemplate('codemyspec://projects/{projectId}/architecture.mmd', {
      list: async () => {
        const { projects } = await graphql<{ projects: { id: string; name: string }[] }>(`
          {
            projects {
              id
              name
            }
          }
        `);
        return {
          resources: projects.map((p) => ({
            uri: `codemyspec://projects/${p.id}/architecture.mmd`,
            name: `${p.name} architecture`,
            mimeType: 'text/vnd.mermaid',
          })),
        };
      },
    }),
    {
      title: 'Project architecture',
      description: "A project's contexts, components and dependencies as a Mermaid flowchart.",
      mimeType: 'text/vnd.mermaid',
    },
    async (uri, variables) => {
      const data = await graphql<{ architecture: { mermaid: string } }>(
        `
          query ($p: ID!) {
            architecture(projectId: $p) {
              mermaid
            }
          }
        `,
        {
          p: String(variables.projectId),
        },
      );
      return { contents: [{ uri: uri.href, mimeType: 'text/vnd.mermaid', text: data.architecture.mermaid }] };
    },
  );
  return server;
}
