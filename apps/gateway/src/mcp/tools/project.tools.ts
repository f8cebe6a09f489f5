import { z } from 'zod';
import type { McpTool } from './mcp-tool';
import { one } from './mcp-tool';

/** Projects. */
export const PROJECT_TOOLS: readonly McpTool[] = [
  {
    name: 'create_project',
    title: 'Create a project',
    description: 'Use to start a new project (admin token only); returns its id for every other tool.',
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
    description:
      'Use to find the project ids this token can see (all for the admin token, else its own project).',
    input: {},
    run: (_a, g) => one(g, `{ projects { id name description archived createdAt } }`, {}, 'projects'),
  },
];
