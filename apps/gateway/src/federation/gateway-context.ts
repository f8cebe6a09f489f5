import type { Identity } from '@app/domain';

/** The context of one gateway request, shared with the local subgraph. */
export interface GatewayContext {
  readonly identity: Identity;
  readonly correlationId: string;
}
