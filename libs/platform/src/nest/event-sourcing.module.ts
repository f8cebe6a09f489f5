import type { BeforeApplicationShutdown, DynamicModule, OnApplicationBootstrap } from '@nestjs/common';
import { Inject, Injectable, Logger, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ServicePublication } from '@app/domain';
import { createEventConsumer, createRelay } from '../bus/event-bus';
import type { EventConsumer } from '../bus/event-consumer';
import type { KafkaRelay } from '../bus/kafka/kafka-relay';
import type { Projection } from '../bus/projection';
import type { ServiceConfig } from '../config/service-config';
import { PostgresEventStore } from '../event-store/postgres-event-store';
import type { PgListener } from '../persistence/pg-listener';
import { wakeOnAppends } from '../bus/wake-on-appends';
import { sqlStateOf } from '../persistence/sql-executor';

export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');

/** What a service's projections and reactions may use. */
export interface ProjectionDeps {
  readonly config: Pick<ServiceConfig, 'schema' | 'service'>;
  readonly dataSource: DataSource;
  /** The service's own event store (reactions append to it inside the consumer's transaction). */
  readonly store: PostgresEventStore;
}
export const PROJECTIONS = Symbol('PROJECTIONS');

/**
 * Starts a service's side of the bus with the application and stops it on shutdown: the outbox
 * relay to Kafka (only with `KAFKA_BROKERS`) and the consumer that feeds the service's read models
 * (from Kafka, or from the other services' event stores in the embedded default).
 */
@Injectable()
export class EventBusLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('EventBus');
  private relay: KafkaRelay | undefined;
  private consumer: EventConsumer | undefined;
  private stopRelayHints: (() => void) | undefined;
  private appends: PgListener | undefined;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(PROJECTIONS) private readonly projections: readonly Projection[],
    private readonly dataSource: DataSource,
    private readonly store: PostgresEventStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.relay = createRelay({
      config: this.config,
      dataSource: this.dataSource,
      store: this.store,
      onError: (error, attempt) =>
        this.logger.warn(
          `relay attempt ${attempt} failed: ${error instanceof Error ? error.message : String(error)}`,
        ),
    });
    if (this.relay) {
      const relay = this.relay;
      // Every append through this service's store (commands and reactions alike) wakes the relay.
      this.stopRelayHints = this.store.onAppend(() => relay.poke());
      await this.relay.start();
      this.logger.log(`relaying ${this.config.schema}.events to Kafka`);
    }
    if (this.projections.length > 0) {
      this.consumer = createEventConsumer({
        config: this.config,
        dataSource: this.dataSource,
        projections: this.projections,
        log: (message) => this.logger.warn(message),
        onError: (error, attempt) => this.consumerFailed(error, attempt),
      });
      await this.consumer.start();
      this.logger.log(
        `consuming for ${this.projections.map((p) => p.name).join(', ')} (${this.config.kafkaBrokers ? 'Kafka' : 'event stores'})`,
      );
    }
    this.appends = await wakeOnAppends({
      dataSource: this.dataSource,
      ownSchema: this.config.schema,
      relay: this.relay,
      consumer: this.consumer,
      log: (message) => this.logger.warn(message),
    });
  }

  /** Before any module's shutdown: a batch in flight must finish while its DataSource is still there. */
  /**
   * A failed consumer attempt: logged on the first failure and every 20th after it. A source event
   * store that does not exist yet (its service has not run its migrations: `npm start` starts the
   * services one after the other) is expected for a moment, so it is only a debug line until it
   * has lasted about a hundred attempts (over a minute of back-off).
   */
  private consumerFailed(error: unknown, attempt: number): void {
    const message = error instanceof Error ? error.message : String(error);
    if (sqlStateOf(error) === '42P01') {
      if (attempt % 100 === 0)
        this.logger.warn(`still waiting for an event store to exist (is its service running?): ${message}`);
      else this.logger.debug(`consumer attempt ${attempt}: a source is not migrated yet (${message})`);
      return;
    }
    if (attempt === 1 || attempt % 20 === 0)
      this.logger.warn(`consumer attempt ${attempt} failed: ${message}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.appends?.stop();
    this.stopRelayHints?.();
    await this.consumer?.stop();
    await this.relay?.stop();
  }

  /** A hint after a local append: relay without waiting for the next poll. */
  poke(): void {
    this.relay?.poke();
  }

  /** Ready when the consumer receives events (the relay needs nothing but the database to start). */
  isReady(): boolean {
    return this.consumer?.isReady() ?? true;
  }

  async lag() {
    return this.consumer ? this.consumer.lag() : [];
  }
}

@Module({})
export class EventSourcingModule {
  static forService(
    config: ServiceConfig,
    projections: (deps: ProjectionDeps) => readonly Projection[] = () => [],
    /** How the service's events reach other services (see `publication.ts` in the kernel). */
    publication: ServicePublication = {},
  ): DynamicModule {
    return {
      module: EventSourcingModule,
      global: true,
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        {
          provide: PostgresEventStore,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) =>
            new PostgresEventStore(dataSource, config.schema, { publication }),
        },
        {
          provide: PROJECTIONS,
          inject: [DataSource, PostgresEventStore],
          useFactory: (dataSource: DataSource, store: PostgresEventStore) =>
            projections({ config, dataSource, store }),
        },
        EventBusLifecycle,
      ],
      exports: [SERVICE_CONFIG, PostgresEventStore, EventBusLifecycle],
    };
  }
}
