import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { printApiSchema } from '../../scripts/api-schema';
import type { RunningSystem } from './system';
import { E2E_ADMIN_TOKEN, startSystem } from './system';

/** schema.graphql is the running gateway's API: a change to the API without `npm run schema:update` fails here. */
describe('schema.graphql', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem();
  }, 120_000);
  afterAll(() => system?.stop());

  it('matches the schema the running gateway serves', async () => {
    const committed = await readFile(resolve(__dirname, '../../schema.graphql'), 'utf8');
    const live = await printApiSchema(system.url, E2E_ADMIN_TOKEN);
    // The first line that differs, so the failure says where; null when the file is current.
    const a = committed.split('\n');
    const b = live.split('\n');
    const line = a.findIndex((text, i) => text !== b[i]);
    const drift =
      committed === live
        ? null
        : `schema.graphql is out of date at line ${line + 1} ("${a[line]}" vs "${b[line]}"): run npm start, then npm run schema:update`;
    expect(drift).toBeNull();
  });
});
