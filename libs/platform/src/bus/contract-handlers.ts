import type { TypedEvent } from '@app/domain';
import { CONTRACT_SCHEMA_VERSION, UpcasterRegistry } from '@app/domain';
import type { BusEvent } from './bus-event';
import type { EventHandler, ProjectionContext } from './projection';

/** A handler of one contract event, given the event typed as the contract declares it. */
export type ContractHandler<E extends TypedEvent> = (
  event: BusEvent<E['type'], E['data']>,
  context: ProjectionContext,
) => Promise<void>;

/** Handlers for the events of a public contract union, by type. */
export type ContractHandlers<E extends TypedEvent> = {
  readonly [T in E['type']]?: ContractHandler<Extract<E, { type: T }>>;
};

export class UnsupportedContractVersionError extends Error {
  constructor(type: string, version: number) {
    super(
      `${type} arrived at contract schema version ${version}; this consumer reads version ${CONTRACT_SCHEMA_VERSION} (register an upcaster, or upgrade the consumer)`,
    );
    this.name = 'UnsupportedContractVersionError';
  }
}

/**
 * Typed handlers for public contract events. The bus delivers an event of a contract type in the
 * form its producer's publication gave it; older schema versions are upcast here, and a version
 * this consumer does not know fails the event (it is parked, never guessed at).
 */
export function contractHandlers<E extends TypedEvent>(
  handlers: ContractHandlers<E>,
  upcasters: UpcasterRegistry = new UpcasterRegistry(),
): Readonly<Record<string, EventHandler>> {
  const typed: Record<string, EventHandler> = {};
  for (const [type, handler] of Object.entries(handlers) as [string, ContractHandler<E>][]) {
    typed[type] = (event, context) => {
      const current = upcasters.upcast(event.type, event.schemaVersion, event.data);
      if (current.schemaVersion !== CONTRACT_SCHEMA_VERSION)
        throw new UnsupportedContractVersionError(event.type, event.schemaVersion);
      return handler({ ...event, schemaVersion: current.schemaVersion, data: current.data }, context);
    };
  }
  return typed;
}
