import 'reflect-metadata';
import { bootstrapService, loadServiceConfig } from '@app/platform';
import { StoriesModule } from './stories.module';

async function main(): Promise<void> {
  const config = loadServiceConfig('stories');
  await bootstrapService(config, StoriesModule.register(config));
}

main().catch((error: unknown) => {
  console.error(`stories failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
