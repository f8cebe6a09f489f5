/**
 * What every service shares beyond the domain: the Postgres event store, the event bus (Kafka or
 * the Postgres source), subscriptions and projections, persistence and migrations, Nest modules,
 * GraphQL plumbing, identity signing, configuration.
 */
export * from './event-store/postgres-event-store';
export * from './event-store/event-store.migrations';
export * from './decider/command-handler';
export * from './decider/folded-state-cache';
export type { Fold } from './decider/shared-states';
export * from './decider/state-reader';
export * from './persistence/sql-executor';
export * from './persistence/pg-listener';
export * from './persistence/migration';
export * from './persistence/migrator';
export * from './persistence/write-entity';
export * from './persistence/embedded-postgres';
export * from './subscriptions/checkpoint-store';
export * from './subscriptions/subscription-runner';
export * from './config/env-reader';
export * from './config/service-config';
export * from './nest/database.module';
export * from './nest/health.controller';
export * from './nest/health.module';
export * from './nest/logging.module';
export * from './nest/bootstrap-service';
export * from './bus/bus-event';
export * from './topics/topic-names';
export * from './bus/wire-format';
export * from './bus/projection';
export * from './bus/contract-handlers';
export * from './bus/delivery';
export * from './bus/event-applier';
export * from './bus/event-consumer';
export * from './bus/event-bus';
export * from './bus/kafka/kafka-topics';
export * from './bus/kafka/kafka-relay';
export * from './bus/kafka/kafka-event-consumer';
export * from './bus/kafka/kafkajs-idle-timer-fix';
export * from './bus/postgres/postgres-event-consumer';
export * from './bus/replay/read-model-checksum';
export * from './bus/replay/replay-projection';
export * from './nest/event-sourcing.module';
export * from './graphql/json.scalar';
export * from './graphql/graphql-errors';
export * from './graphql/unstorable-input';
export * from './graphql/unstorable-input.plugin';
export * from './graphql/token-limit';
export * from './graphql/request-context';
export * from './graphql/request-loader';
export * from './graphql/subgraph-graphql.module';
export * from './graphql/graphql-client';
export * from './decider/unit-of-work';
export * from './graphql/domain-error.filter';
export * from './projects/archived-projects.projection';
export * from './projects/archived-project.entity';
export * from './auth/identity-signature';
export * from './retry/retry';
