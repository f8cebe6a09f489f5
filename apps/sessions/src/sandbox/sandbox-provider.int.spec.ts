import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { missingService } from '@app/testing/infra/require-infra';
import { loadSessionsConfig } from '../sessions-config';
import { bubblewrapAvailable } from './bubblewrap/bubblewrap-sandbox';
import { chooseSandbox, SandboxProvider } from './sandbox-provider';

/** A sandbox installed while the service runs is found when the next run needs it: no restart. */
describe('SandboxProvider detects a sandbox again when a run needs one', () => {
  let workRoot: string;

  beforeAll(async () => {
    workRoot = await mkdtemp(join(tmpdir(), 'codemyspec-provider-'));
  });
  afterAll(async () => {
    await rm(workRoot, { recursive: true, force: true });
  });

  it('refuses with what to install while there is none, then finds bubblewrap once it is there', async () => {
    if (!bubblewrapAvailable()) {
      missingService(
        'bubblewrap',
        'bwrap is missing or cannot create namespaces here (apt-get install bubblewrap)',
      );
      return;
    }
    let installed = false; // as if bubblewrap were not installed yet
    const provider = new SandboxProvider(
      loadSessionsConfig({ SANDBOX_DRIVER: 'bubblewrap', SANDBOX_WORK_DIR: workRoot }).sandbox,
      async (settings, log) =>
        installed ? chooseSandbox(settings, log) : 'bubblewrap is not installed or cannot create namespaces',
    );
    await provider.onModuleInit();
    const refusal = await provider.available().catch((e: unknown) => e as Error & { code: string });
    expect(refusal).toMatchObject({ code: 'SANDBOX_UNAVAILABLE' });
    expect((refusal as Error).message).toMatch(
      /bubblewrap is not installed .*apt-get install bubblewrap.*no restart is needed/,
    );
    installed = true; // apt-get install bubblewrap
    const started = Date.now();
    let found = null;
    while (!found && Date.now() - started < 10_000) {
      found = await provider.available().catch(() => null);
      if (!found) await new Promise((r) => setTimeout(r, 250));
    }
    expect(found?.driver).toBe('bubblewrap');
    expect(provider.driver).toBe('bubblewrap');
    await provider.onApplicationShutdown();
  }, 20_000);
});
