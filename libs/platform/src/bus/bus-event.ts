import type { EventEnvelope, JsonObject } from '@app/domain';

/** An event as a consumer receives it: the stored envelope plus the service that produced it. */
export interface BusEvent<
  Type extends string = string,
  Data extends object = JsonObject,
> extends EventEnvelope<Type, Data> {
  readonly service: string;
}

/**
 * What other services receive of a stored event: its public form where the producer's publication
 * gave it one (type, schema version and data of the contract), else the event as recorded (audit
 * only). Every bus adapter and the replay deliver through this, so no consumer sees internal data
 * of a contract event.
 */
export function toBusEvent(event: EventEnvelope, service: string): BusEvent {
  const { published, ...envelope } = event;
  if (!published) return { ...envelope, service };
  return {
    ...envelope,
    type: published.type,
    schemaVersion: published.schemaVersion,
    data: published.data,
    service,
  };
}
