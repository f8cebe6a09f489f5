import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { GraphqlCall } from './gateway-graphql-client';

const DESIGN_TYPES = ['context', 'coordination_context', 'schema', 'component'] as const;

/** `codemyspec://templates/<type>`: a design template per type, ready to fill in. */
export function registerDesignTemplates(server: McpServer, graphql: GraphqlCall): void {
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
}

/** `codemyspec://projects/<id>/architecture.mmd`: each visible project's architecture as Mermaid. */
export function registerArchitectures(server: McpServer, graphql: GraphqlCall): void {
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
}
