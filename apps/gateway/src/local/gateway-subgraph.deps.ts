import type { DataSource } from 'typeorm';
import type { Projection, ReplaySource } from '@app/platform';
import type { Authenticator } from '../auth/authenticator';

/** What the gateway's own subgraph needs. */
export interface GatewaySubgraphDeps {
  readonly dataSource: DataSource;
  readonly authenticator: Authenticator;
  readonly readModels: readonly Projection[];
  readonly replaySource: () => ReplaySource;
}
