/** How the bench talks to the consuming service (service B), which runs in a child process. */

export type BusKind = 'kafka' | 'postgres';

/**
 * `arrivals`: the latency read model; `latest-titles`: the throughput phase's read model, written
 * through a TypeORM entity as the services do, `latest-titles-sql` with one hand-written statement,
 * and `latest-titles-batch` a batch at a time with multi-row statements.
 */
export type ReadModelKind = 'arrivals' | 'latest-titles' | 'latest-titles-sql' | 'latest-titles-batch';

export interface ConsumerSpec {
  readonly bus: BusKind;
  readonly readModel: ReadModelKind;
  readonly databaseUrl: string;
  readonly brokers: readonly string[];
  /** The consuming service: Kafka group id, or the Postgres subscription's name. */
  readonly name: string;
  /** The consuming service's schema (bus tables and read models). */
  readonly schema: string;
  /** The producing service (topic name, and the events' `service`). */
  readonly producerService: string;
  /** The schema of the producer's event store (read directly by the Postgres source). */
  readonly producerSchema: string;
}

export const CONSUMER_SPEC_ENV = 'BUS_BENCH_CONSUMER_SPEC';

export type ConsumerCommand = { readonly type: 'stop' };

export type ConsumerReply =
  | { readonly type: 'ready' }
  | { readonly type: 'stopped' }
  | { readonly type: 'failed'; readonly message: string };
