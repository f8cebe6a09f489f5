import { z } from 'zod';
import type { McpTool } from './mcp-tool';
import { one } from './mcp-tool';

/** Projects. */
export const PROJECT_TOOLS: readonly McpTool[] = [
  {
    name: 'create_project',
    title: 'Create a project',
    description: 'Creates a project (admin token only). Returns its id.',
    input: {
      name: z.string().min(1).describe('Project name.'),
      description: z.string().default('').describe('What the project is.'),
    },
    run: (a, g) =>
      one(
        g,
        `mutation($i: CreateProjectInput!) { createProject(input: $i) { id name description createdAt } }`,
        { i: { name: a.name, description: a.description } },
        'createProject',
      ),
  },
  {
    name: 'list_projects',
    title: 'List projects',
    description: 'The projects this token can see (all for the admin token, else its own).',
    input: {},
    run: (_a, g) => one(g, `{ projects { id name description archived createdAt } }`, {}, 'projects'),
  },
];
