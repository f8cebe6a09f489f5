import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One recorded sandbox run, for finding runs by component: the `sandbox_runs` read model. */
@Entity({ name: 'sandbox_runs' })
export class SandboxRunListing {
  @PrimaryColumn('uuid', { name: 'run_id' }) runId!: string;
  @Column('uuid', { name: 'project_id' }) projectId!: string;
  @Column('uuid', { name: 'component_id' }) componentId!: string;
  @Column('uuid', { name: 'session_id', nullable: true }) sessionId!: string | null;
  @Column('text') purpose!: string;
  @Column('text') outcome!: string;
  /** A run that failed the way tests written before their code should (see `isRedRun`). */
  @Column('boolean') red!: boolean;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt!: Date;
}
