import 'reflect-metadata';
import { bootstrapService, loadServiceConfig } from '@app/platform';
import { ArchitectModule } from './architect.module';

async function main(): Promise<void> {
  const config = loadServiceConfig('architect');
  await bootstrapService(config, ArchitectModule.register(config));
}

main().catch((error: unknown) => {
  console.error(`architect failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
