import { writeConfig } from '../cli-config';
import { graphqlClient } from '../graphql-client';
import type { Command } from '../command';

export const loginCommand: Command = {
  path: ['login'],
  summary: 'Check a token against a gateway and save both for later commands',
  usage: 'codemyspec login [--url <gateway>] [--token <token> | --token -]',
  help: [
    '--url <gateway> is the gateway to save (default http://127.0.0.1:4000); --token <token> an API token',
    '(cms_…): "-" or none reads it from standard input.',
    'The login is saved to $CODEMYSPEC_CONFIG or ~/.config/codemyspec/config.json (mode 0600).',
  ],
  options: { url: { type: 'string' }, token: { type: 'string' } },
  async run(context) {
    const url = (
      typeof context.values.url === 'string' ? context.values.url : 'http://127.0.0.1:4000'
    ).replace(/\/+$/, '');
    let token = typeof context.values.token === 'string' ? context.values.token : '-';
    if (token === '-') token = (await context.stdin()).trim().split(/\r?\n/)[0] ?? '';
    if (!token) {
      context.err('no token given (use --token <token> or pipe it in)');
      return 2;
    }
    const { me } = await graphqlClient({ url, token })<{
      me: { name: string; role: string; projectId: string | null };
    }>('{ me { name role projectId } }');
    const path = await writeConfig({ url, token });
    if (context.json) context.out(JSON.stringify({ url, ...me, savedTo: path }, null, 2));
    else
      context.out(
        `Logged in to ${url} as ${me.name} (${me.role}${me.projectId ? `, project ${me.projectId}` : ', every project'}); saved to ${path}`,
      );
    return 0;
  },
};
