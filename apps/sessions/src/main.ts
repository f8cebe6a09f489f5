import 'reflect-metadata';
import { bootstrapService, loadServiceConfig } from '@app/platform';
import { loadSessionsConfig } from './sessions-config';
import { SessionsModule } from './sessions.module';

async function main(): Promise<void> {
  const config = loadServiceConfig('sessions');
  await bootstrapService(config, SessionsModule.register(config, loadSessionsConfig()));
}

main().catch((error: unknown) => {
  console.error(`sessions failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
