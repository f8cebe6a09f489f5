import type { EventEnvelope, JsonObject } from '@app/domain';

/** An event as a consumer receives it: the stored envelope plus the service that produced it. */
export interface BusEvent<
  Type extends string = string,
  Data extends object = JsonObject,
> extends EventEnvelope<Type, Data> {
  readonly service: string;
}
