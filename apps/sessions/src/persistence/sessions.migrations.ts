import type { Migration } from '@app/platform';
import { archivedProjectsMigration } from '@app/platform';

export const sessionsMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'blobs-runs-sessions',
    up: (s) => `
      -- Content-addressed, immutable: file contents, LLM messages, run output.
      CREATE TABLE IF NOT EXISTS ${s}.blobs (
        sha256 text PRIMARY KEY,
        size integer NOT NULL,
        content bytea NOT NULL
      );

      -- Inline read models, written in the same transaction as their events.
      CREATE TABLE IF NOT EXISTS ${s}.sandbox_runs (
        run_id uuid PRIMARY KEY,
        project_id uuid NOT NULL,
        component_id uuid NOT NULL,
        session_id uuid,
        purpose text NOT NULL,
        outcome text NOT NULL,
        red boolean NOT NULL,
        recorded_at timestamptz NOT NULL
      );
      CREATE INDEX IF NOT EXISTS sandbox_runs_by_component ON ${s}.sandbox_runs (component_id, recorded_at DESC);
      CREATE INDEX IF NOT EXISTS sandbox_runs_red ON ${s}.sandbox_runs (component_id, recorded_at DESC) WHERE red;

      CREATE TABLE IF NOT EXISTS ${s}.sessions (
        session_id uuid PRIMARY KEY,
        project_id uuid NOT NULL,
        component_id uuid NOT NULL,
        parent_id uuid,
        type text NOT NULL,
        status text NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX IF NOT EXISTS sessions_running ON ${s}.sessions (status) WHERE status = 'RUNNING';
      CREATE INDEX IF NOT EXISTS sessions_by_component ON ${s}.sessions (component_id, updated_at DESC);

      CREATE TABLE IF NOT EXISTS ${s}.project_settings (
        project_id uuid PRIMARY KEY,
        image text,
        test_command text,
        version integer NOT NULL
      );
    `,
  },
  archivedProjectsMigration(2),
  {
    version: 3,
    name: 'git-record',
    up: (s) => `
      -- What the git record needs to write docs/user_stories.md and name a run's component.
      CREATE TABLE IF NOT EXISTS ${s}.record_projects (project_id uuid PRIMARY KEY, name text NOT NULL);
      CREATE TABLE IF NOT EXISTS ${s}.record_stories (
        story_id uuid PRIMARY KEY,
        project_id uuid NOT NULL,
        title text NOT NULL,
        description text NOT NULL,
        criteria jsonb NOT NULL,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX IF NOT EXISTS record_stories_by_project ON ${s}.record_stories (project_id, created_at, story_id);
      CREATE TABLE IF NOT EXISTS ${s}.record_components (
        component_id uuid PRIMARY KEY,
        project_id uuid NOT NULL,
        name text NOT NULL,
        design_version integer NOT NULL,
        refs text[] NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: 'git-record-pending-stories',
    up: (s) => `
      -- Story changes are committed together once a project's stories go quiet.
      ALTER TABLE ${s}.record_projects
        ADD COLUMN IF NOT EXISTS pending_changes integer NOT NULL DEFAULT 0,
        ADD COLUMN IF NOT EXISTS pending_summary text,
        ADD COLUMN IF NOT EXISTS pending_refs text[] NOT NULL DEFAULT '{}',
        ADD COLUMN IF NOT EXISTS pending_event_id text,
        ADD COLUMN IF NOT EXISTS pending_actor text,
        ADD COLUMN IF NOT EXISTS pending_at timestamptz,
        ADD COLUMN IF NOT EXISTS pending_since timestamptz,
        ADD COLUMN IF NOT EXISTS pending_noted timestamptz;
      CREATE INDEX IF NOT EXISTS record_projects_pending ON ${s}.record_projects (project_id) WHERE pending_changes > 0;
    `,
  },
  {
    version: 5,
    name: 'workspace-file-versions',
    up: (s) => `
      -- Each path of each workspace version, written with the version's event: a read of any
      -- version is one indexed query, whatever the number of versions (no fold of the stream).
      CREATE TABLE IF NOT EXISTS ${s}.workspace_file_versions (
        project_id uuid NOT NULL,
        path text NOT NULL,
        version integer NOT NULL,
        sha256 text NOT NULL,
        size integer NOT NULL,
        PRIMARY KEY (project_id, path, version)
      );
      -- Workspaces written before this table: their versions, from the events.
      INSERT INTO ${s}.workspace_file_versions (project_id, path, version, sha256, size)
      SELECT substring(e.stream_id from 11)::uuid, f ->> 'path', e.stream_position, f ->> 'sha256', (f ->> 'size')::integer
        FROM ${s}.events e, jsonb_array_elements(e.data -> 'files') f
       WHERE e.stream_type = 'workspace' AND e.event_type = 'WorkspaceFilesWritten'
      ON CONFLICT DO NOTHING;
    `,
  },
  {
    version: 6,
    name: 'sessions-by-project',
    up: (s) => `
      -- A project's sessions, the most recently active first (the console's Sessions page).
      CREATE INDEX IF NOT EXISTS sessions_by_project ON ${s}.sessions (project_id, updated_at DESC);
    `,
  },
];
