import type { JsonObject } from './event-envelope';

/** Turns the data of `eventType` at `fromSchemaVersion` into the shape of `fromSchemaVersion + 1`. */
export interface Upcaster {
  readonly eventType: string;
  readonly fromSchemaVersion: number;
  upcast(data: JsonObject): JsonObject;
}

/**
 * Upcasters registered per event type and schema version, applied in a chain on read so that
 * old events are seen in their newest shape. Stored rows are never rewritten.
 */
export class UpcasterRegistry {
  private readonly byKey = new Map<string, Upcaster>();

  register(...upcasters: Upcaster[]): this {
    for (const upcaster of upcasters) {
      const key = `${upcaster.eventType}@${upcaster.fromSchemaVersion}`;
      if (this.byKey.has(key)) throw new Error(`an upcaster for ${key} is already registered`);
      this.byKey.set(key, upcaster);
    }
    return this;
  }

  get isEmpty(): boolean {
    return this.byKey.size === 0;
  }

  upcast(
    eventType: string,
    schemaVersion: number,
    data: JsonObject,
  ): { schemaVersion: number; data: JsonObject } {
    let version = schemaVersion;
    let current = data;
    for (
      let next = this.byKey.get(`${eventType}@${version}`);
      next;
      next = this.byKey.get(`${eventType}@${version}`)
    ) {
      current = next.upcast(current);
      version += 1;
    }
    return { schemaVersion: version, data: current };
  }
}
