import type { Migration } from '@app/platform';
import { archivedProjectsMigration } from '@app/platform';

export const architectMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'components-and-story-copies',
    up: (s) => `
      -- Which project a component belongs to (inline, written with its ComponentCreated event).
      CREATE TABLE IF NOT EXISTS ${s}.components (
        id uuid PRIMARY KEY,
        project_id uuid NOT NULL,
        name text NOT NULL,
        kind text NOT NULL,
        parent_id uuid
      );
      CREATE INDEX IF NOT EXISTS components_by_project ON ${s}.components (project_id);

      -- The local copy of the stories service's stories, fed by the bus (replayable read model).
      CREATE TABLE IF NOT EXISTS ${s}.story_copies (
        story_id uuid PRIMARY KEY,
        project_id uuid NOT NULL,
        title text NOT NULL,
        version integer NOT NULL,
        revised_at timestamptz NOT NULL,
        deleted boolean NOT NULL DEFAULT false
      );
      CREATE INDEX IF NOT EXISTS story_copies_by_project ON ${s}.story_copies (project_id);

      CREATE TABLE IF NOT EXISTS ${s}.project_copies (
        project_id uuid PRIMARY KEY,
        name text NOT NULL
      );
    `,
  },
  archivedProjectsMigration(2),
  {
    version: 3,
    name: 'criterion-copies',
    up: (s) => `
      -- The local copy of the stories' acceptance criteria, fed by the bus (part of the story copies).
      CREATE TABLE IF NOT EXISTS ${s}.criterion_copies (
        criterion_id text PRIMARY KEY,
        story_id uuid NOT NULL,
        ref text,
        description text NOT NULL,
        position integer NOT NULL
      );
      CREATE INDEX IF NOT EXISTS criterion_copies_by_story ON ${s}.criterion_copies (story_id, position);
    `,
  },
  {
    version: 4,
    name: 'test-results',
    up: (s) => `
      -- Per component and test: the last red and the last green evidence (fed by the sessions' sandbox runs).
      CREATE TABLE IF NOT EXISTS ${s}.test_results (
        component_id uuid NOT NULL,
        key text NOT NULL,
        name text NOT NULL,
        last_red_run_id uuid,
        last_red_at timestamptz,
        last_green_run_id uuid,
        last_green_at timestamptz,
        PRIMARY KEY (component_id, key)
      );
    `,
  },
  {
    version: 5,
    name: 'test-result-files',
    up: (s) => `
      -- The content hash of the test file behind each red and green evidence (green counts from the same file).
      ALTER TABLE ${s}.test_results ADD COLUMN IF NOT EXISTS last_red_file_sha256 text;
      ALTER TABLE ${s}.test_results ADD COLUMN IF NOT EXISTS last_green_file_sha256 text;
    `,
  },
  {
    version: 6,
    name: 'running-sessions',
    up: (s) => `
      -- Automated sessions working on a component now (a component is not deleted under one).
      CREATE TABLE IF NOT EXISTS ${s}.running_sessions (
        session_id uuid PRIMARY KEY,
        project_id uuid NOT NULL,
        component_id uuid NOT NULL,
        session_type text NOT NULL,
        started_at timestamptz NOT NULL
      );
      CREATE INDEX IF NOT EXISTS running_sessions_by_component ON ${s}.running_sessions (component_id);
    `,
  },
  {
    version: 7,
    name: 'run-commits',
    up: (s) => `
      -- The git record's commit of each green run (a criterion's verified code).
      CREATE TABLE IF NOT EXISTS ${s}.run_commits (
        run_id uuid PRIMARY KEY,
        component_id uuid NOT NULL,
        commit text NOT NULL
      );
    `,
  },
  {
    version: 8,
    name: 'criterion-changed-at',
    up: (s) => `
      -- When a criterion's text last changed: evidence older than that does not verify the new text.
      ALTER TABLE ${s}.criterion_copies ADD COLUMN IF NOT EXISTS changed_at timestamptz;
    `,
  },
];
