import type { JsonObject, PublishedEvent, TypedEvent } from '../events/event-envelope';

/**
 * `audit`: the event is not part of any contract. It still reaches the bus as recorded, for the
 * audit timeline only; no consumer may depend on its shape.
 */
export const AUDIT_ONLY = 'audit';
export type AuditOnly = typeof AUDIT_ONLY;

/** How each event type of one internal union is published: an explicit mapping per type, or audit only. */
export type Publication<Internal extends TypedEvent, Public extends TypedEvent> = {
  readonly [T in Internal['type']]: ((data: Extract<Internal, { type: T }>['data']) => Public) | AuditOnly;
};

/** A service's publications, by stream type; a stream type left out, or marked audit, is audit only. */
export type ServicePublication = Readonly<
  Record<string, Readonly<Record<string, ((data: never) => TypedEvent) | AuditOnly>> | AuditOnly>
>;

/** The public form of an event, or undefined when it is published for the audit timeline only. */
export function publicFormOf(
  publication: ServicePublication,
  streamType: string,
  event: { readonly type: string; readonly data: object },
): PublishedEvent | undefined {
  const stream = publication[streamType];
  if (stream === undefined || stream === AUDIT_ONLY) return undefined;
  const map = stream[event.type];
  if (map === undefined || map === AUDIT_ONLY) return undefined;
  const published = (map as (data: object) => TypedEvent)(event.data);
  return { type: published.type, schemaVersion: CONTRACT_SCHEMA_VERSION, data: published.data as JsonObject };
}

/** Every contract is at its first version; a breaking change publishes version 2 with an upcaster for 1. */
export const CONTRACT_SCHEMA_VERSION = 1;
