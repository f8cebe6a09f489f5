import type { Projection, ServiceConfig } from '@app/domain';

/** The read models of the gateway service that are fed by the bus (also listed by `npm run replay`). */
export function readModels(_config: Pick<ServiceConfig, 'schema'>): Projection[] {
  return [];
}
