import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The git record's copy of a project: its name (the heading of `docs/user_stories.md`) and the
 * story changes not committed yet. Story changes are committed together when the project's stories
 * go quiet for a moment (an import of 10,000 stories is one commit, not 10,000 growing ones).
 */
@Entity({ name: 'record_projects' })
export class RecordProject {
  @PrimaryColumn('uuid', { name: 'project_id' }) projectId!: string;
  @Column('text') name!: string;
  /** Story changes since the last commit of `docs/user_stories.md` (0: none). */
  @Column('integer', { name: 'pending_changes', default: 0 }) pendingChanges!: number;
  /** What the first of them did, in words. */
  @Column('text', { name: 'pending_summary', nullable: true }) pendingSummary!: string | null;
  /** The criterion references they touched. */
  @Column('text', { name: 'pending_refs', array: true, default: () => "'{}'" }) pendingRefs!: string[];
  /** The last of them: the commit's `Event`, author and time. */
  @Column('text', { name: 'pending_event_id', nullable: true }) pendingEventId!: string | null;
  @Column('text', { name: 'pending_actor', nullable: true }) pendingActor!: string | null;
  @Column('timestamptz', { name: 'pending_at', nullable: true }) pendingAt!: Date | null;
  /** When the first of them was noted (wall clock): changes that never pause are still committed. */
  @Column('timestamptz', { name: 'pending_since', nullable: true }) pendingSince!: Date | null;
  /** When the last of them was noted (wall clock): they are committed once the stories go quiet. */
  @Column('timestamptz', { name: 'pending_noted', nullable: true }) pendingNoted!: Date | null;
}

/** A project row's pending fields when no story change waits to be committed. */
export const NO_PENDING_STORIES = {
  pendingChanges: 0,
  pendingSummary: null,
  pendingRefs: [],
  pendingEventId: null,
  pendingActor: null,
  pendingAt: null,
  pendingSince: null,
  pendingNoted: null,
} satisfies Omit<RecordProject, 'projectId' | 'name'>;
