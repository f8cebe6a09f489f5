import type { Migration } from '../persistence/migration';

/**
 * The event store's tables, created in each service's own schema.
 * - `events`: append-only, one row per event, ordered globally by (transaction_id, global_position).
 * - `streams`: each stream's current version and the transaction that last appended to it.
 * - `subscription_checkpoints`: where each subscription has read up to, moved by compare-and-set.
 */
export const eventStoreMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'event-store',
    up: (s) => `
      CREATE TABLE IF NOT EXISTS ${s}.streams (
        stream_id text PRIMARY KEY,
        stream_type text NOT NULL,
        version bigint NOT NULL CHECK (version >= 0),
        last_transaction_id xid8 NOT NULL,
        project_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE IF NOT EXISTS ${s}.events (
        global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        stream_id text NOT NULL,
        stream_type text NOT NULL,
        stream_position bigint NOT NULL CHECK (stream_position >= 1),
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        schema_version integer NOT NULL DEFAULT 1,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT events_event_id_unique UNIQUE (event_id),
        CONSTRAINT events_stream_position_unique UNIQUE (stream_id, stream_position)
      );

      CREATE INDEX IF NOT EXISTS events_global_order ON ${s}.events (transaction_id, global_position);
      CREATE INDEX IF NOT EXISTS events_project ON ${s}.events ((metadata ->> 'projectId'), transaction_id, global_position);

      CREATE OR REPLACE FUNCTION ${s}.events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        RAISE EXCEPTION 'events are append-only: % is not allowed on %.events', TG_OP, TG_TABLE_SCHEMA
          USING ERRCODE = 'restrict_violation';
      END
      $fn$;

      DROP TRIGGER IF EXISTS events_no_update_or_delete ON ${s}.events;
      CREATE TRIGGER events_no_update_or_delete BEFORE UPDATE OR DELETE ON ${s}.events
        FOR EACH ROW EXECUTE FUNCTION ${s}.events_are_append_only();
      DROP TRIGGER IF EXISTS events_no_truncate ON ${s}.events;
      CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON ${s}.events
        FOR EACH STATEMENT EXECUTE FUNCTION ${s}.events_are_append_only();

      CREATE TABLE IF NOT EXISTS ${s}.subscription_checkpoints (
        subscription text PRIMARY KEY,
        transaction_id xid8 NOT NULL DEFAULT '0'::xid8,
        global_position bigint NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
  {
    version: 2,
    name: 'bus-consumers',
    up: (s) => `
      -- Per consumer and stream: the last version applied (idempotent, in-order consumption).
      CREATE TABLE IF NOT EXISTS ${s}.bus_applied_versions (
        consumer text NOT NULL,
        stream_id text NOT NULL,
        version bigint NOT NULL,
        PRIMARY KEY (consumer, stream_id)
      );
      -- Events that could not be applied (poison), and the later events of the same stream held behind them.
      CREATE TABLE IF NOT EXISTS ${s}.bus_parked_events (
        consumer text NOT NULL,
        stream_id text NOT NULL,
        version bigint NOT NULL,
        event_id uuid NOT NULL,
        source_service text NOT NULL,
        envelope jsonb NOT NULL,
        reason text NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        parked_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, stream_id, version)
      );
    `,
  },
  {
    version: 3,
    name: 'published-form',
    up: (s) => `
      -- The public form of an event, as the service's publication translated it when it was appended
      -- ({type, schemaVersion, data}); NULL: published as recorded, for the audit timeline only.
      ALTER TABLE ${s}.events ADD COLUMN IF NOT EXISTS published jsonb;
    `,
  },
];
