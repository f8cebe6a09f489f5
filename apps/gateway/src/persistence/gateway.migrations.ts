import type { Migration } from '@app/platform';

export const gatewayMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'api-tokens-and-timeline',
    up: (s) => `
      -- Only the sha256 of a token is stored; the token itself is shown once.
      CREATE TABLE IF NOT EXISTS ${s}.api_tokens (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        project_id uuid,
        role text NOT NULL CHECK (role IN ('ADMIN', 'EDITOR', 'VIEWER')),
        token_sha256 text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      );

      -- The project-wide audit timeline: every event of every service (a replayable read model).
      CREATE TABLE IF NOT EXISTS ${s}.timeline (
        event_id uuid PRIMARY KEY,
        project_id uuid,
        service text NOT NULL,
        stream_id text NOT NULL,
        stream_type text NOT NULL,
        version integer NOT NULL,
        type text NOT NULL,
        actor text,
        correlation_id text,
        occurred_at timestamptz NOT NULL,
        data jsonb NOT NULL
      );
      CREATE INDEX IF NOT EXISTS timeline_by_project ON ${s}.timeline (project_id, occurred_at, event_id);

      -- Projects the gateway has seen (to check createApiToken's project).
      CREATE TABLE IF NOT EXISTS ${s}.known_projects (
        project_id uuid PRIMARY KEY,
        name text NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'timeline-by-stream',
    up: (s) => `
      -- sessionProgress follows one session's stream.
      CREATE INDEX IF NOT EXISTS timeline_by_stream ON ${s}.timeline (stream_id, version);
    `,
  },
  {
    version: 3,
    name: 'token-names-unique-per-project',
    up: (s) => `
      -- Earlier duplicates keep their rows and get a numbered name, oldest first keeping its own.
      WITH numbered AS (
        SELECT id, row_number() OVER (PARTITION BY project_id, lower(name) ORDER BY created_at, id) AS n
          FROM ${s}.api_tokens WHERE project_id IS NOT NULL
      )
      UPDATE ${s}.api_tokens t SET name = t.name || ' (' || numbered.n || ')'
        FROM numbered WHERE numbered.id = t.id AND numbered.n > 1;
      CREATE UNIQUE INDEX IF NOT EXISTS api_tokens_unique_name
        ON ${s}.api_tokens (project_id, lower(name)) WHERE project_id IS NOT NULL;
    `,
  },
];
