import type { Command } from '../command';

export const projectsCommand: Command = {
  path: ['projects'],
  summary: 'List the projects this token can see',
  usage: 'codemyspec projects [--json]',
  help: [],
  options: { json: { type: 'boolean' } },
  async run(context) {
    const { graphql } = await context.connect();
    const { projects } = await graphql<{ projects: { id: string; name: string; archived: boolean }[] }>(
      '{ projects { id name archived } }',
    );
    if (context.values.json) context.out(JSON.stringify(projects, null, 2));
    else if (projects.length === 0) context.out('no projects');
    else for (const p of projects) context.out(`${p.id}  ${p.name}${p.archived ? ' (archived)' : ''}`);
    return 0;
  },
};

export const projectsCreateCommand: Command = {
  path: ['projects', 'create'],
  summary: 'Create a project (admin token)',
  usage: 'codemyspec projects create <name> [--description <text>]',
  help: [],
  options: { description: { type: 'string' } },
  async run(context) {
    const name = context.positionals[0];
    if (!name) {
      context.err('a project name is required');
      return 2;
    }
    const { graphql } = await context.connect();
    const { createProject } = await graphql<{ createProject: { id: string; name: string } }>(
      'mutation($i: CreateProjectInput!) { createProject(input: $i) { id name } }',
      { i: { name, description: context.values.description ?? '' } },
    );
    context.out(context.json ? JSON.stringify(createProject, null, 2) : createProject.id);
    return 0;
  },
};
