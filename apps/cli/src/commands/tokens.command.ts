import type { Command } from '../command';
import { CliError } from '../cli-error';
import { emit, table } from '../output';
import { positional, projectIdOf } from '../project-ref';

export const tokensListCommand: Command = {
  path: ['tokens', 'list'],
  summary: "API tokens: a project's (its ADMIN), or every token (the admin token)",
  usage: 'codemyspec tokens list [--project <id|name>]',
  help: [],
  options: { project: { type: 'string', description: 'only this project’s tokens' } },
  async run(context) {
    const projectId =
      typeof context.values.project === 'string'
        ? await projectIdOf(context, context.values.project)
        : undefined;
    const { graphql } = await context.connect();
    const { apiTokens } = await graphql<{
      apiTokens: {
        id: string;
        name: string;
        role: string;
        projectId: string | null;
        createdAt: string;
        revokedAt: string | null;
      }[];
    }>('query($p: ID) { apiTokens(projectId: $p) { id name role projectId createdAt revokedAt } }', {
      p: projectId,
    });
    emit(context, apiTokens, () =>
      table(
        apiTokens.map((t) => [
          t.id,
          t.name,
          t.role,
          t.projectId ?? '(all)',
          t.revokedAt ? `revoked ${t.revokedAt}` : 'active',
        ]),
        ['ID', 'NAME', 'ROLE', 'PROJECT', 'STATE'],
      ),
    );
    return 0;
  },
};

export const tokensCreateCommand: Command = {
  path: ['tokens', 'create'],
  summary: 'Create an API token for a project (shown once)',
  usage: 'codemyspec tokens create --project <id|name> --name <name> --role VIEWER|EDITOR|ADMIN',
  help: [],
  options: {
    project: { type: 'string', description: 'the project it can see' },
    name: { type: 'string', description: 'who or what uses it (recorded as the actor)' },
    role: { type: 'string', description: 'VIEWER, EDITOR or ADMIN' },
  },
  async run(context) {
    const { project, name, role } = context.values;
    if (typeof project !== 'string' || typeof name !== 'string' || typeof role !== 'string')
      throw new CliError('--project, --name and --role are required (see --help)', 2);
    const projectId = await projectIdOf(context, project);
    const { graphql } = await context.connect();
    const { createApiToken } = await graphql<{ createApiToken: { id: string; token: string } }>(
      'mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { id token } }',
      { i: { projectId, name, role: role.toUpperCase() } },
    );
    emit(context, createApiToken, () => createApiToken.token);
    context.err(`token ${createApiToken.id} created; it is shown only once`);
    return 0;
  },
};

export const tokensRevokeCommand: Command = {
  path: ['tokens', 'revoke'],
  summary: 'Revoke an API token (its open subscriptions close within seconds)',
  usage: 'codemyspec tokens revoke <token-id>',
  help: [],
  options: {},
  async run(context) {
    const id = positional(context, 0, 'a token id');
    const { graphql } = await context.connect();
    await graphql<{ revokeApiToken: boolean }>('mutation($id: ID!) { revokeApiToken(id: $id) }', { id });
    emit(context, { id, revoked: true }, () => `revoked ${id}`);
    return 0;
  },
};
