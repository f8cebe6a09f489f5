import type { Identity } from '@app/domain';
import type { ExecutionResult } from './single-fetch-routes';

/** The context of one gateway request, shared with the local subgraph. */
export interface GatewayContext {
  readonly identity: Identity;
  readonly correlationId: string;
  /** The result the HTTP fast lane already obtained for this very request (it has errors to report). */
  readonly laneResult?: ExecutionResult;
}
