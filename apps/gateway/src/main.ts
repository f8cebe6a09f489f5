import 'reflect-metadata';
import { bootstrapService, loadServiceConfig } from '@app/domain';
import { GatewayModule } from './gateway.module';

async function main(): Promise<void> {
  const config = loadServiceConfig('gateway');
  await bootstrapService(config, GatewayModule.register(config));
}

main().catch((error: unknown) => {
  console.error(`gateway failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
