import type { Migration } from '@app/platform';

/**
 * Read models of the stories service, kept in the same transaction as the events they come from
 * (inline projections), so reads after a write see it and the unique-title rule is a constraint.
 */
export const storiesMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'projects-and-stories',
    up: (s) => `
      CREATE TABLE IF NOT EXISTS ${s}.projects (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        description text NOT NULL,
        archived boolean NOT NULL DEFAULT false,
        version integer NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX IF NOT EXISTS projects_by_name ON ${s}.projects (lower(name));

      CREATE TABLE IF NOT EXISTS ${s}.stories (
        id uuid PRIMARY KEY,
        project_id uuid NOT NULL,
        title text NOT NULL,
        description text NOT NULL,
        status text NOT NULL,
        priority text NOT NULL,
        tags text[] NOT NULL DEFAULT '{}',
        acceptance_criteria jsonb NOT NULL DEFAULT '[]'::jsonb,
        component_id text,
        component_name text,
        version integer NOT NULL,
        deleted boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      -- A title is unique within its project (case-insensitive), enforced in the appending transaction.
      CREATE UNIQUE INDEX IF NOT EXISTS stories_unique_title ON ${s}.stories (project_id, lower(title)) WHERE NOT deleted;
      CREATE INDEX IF NOT EXISTS stories_by_project ON ${s}.stories (project_id, created_at, id) WHERE NOT deleted;
      CREATE INDEX IF NOT EXISTS stories_by_tag ON ${s}.stories USING gin (tags);
    `,
  },
  {
    version: 2,
    name: 'criterion-ref-counters',
    up: (s) => `
      -- The last criterion reference (AC-<n>) issued per project; it only grows, so no reference is reused.
      CREATE TABLE IF NOT EXISTS ${s}.criterion_ref_counters (
        project_id uuid PRIMARY KEY,
        last integer NOT NULL
      );
    `,
  },
];
