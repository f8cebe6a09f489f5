import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An automated session working on a component now (fed by the sessions service's start and end events). */
@Entity({ name: 'running_sessions' })
export class RunningSession {
  @PrimaryColumn('uuid', { name: 'session_id' }) sessionId!: string;
  @Column('uuid', { name: 'project_id' }) projectId!: string;
  @Column('uuid', { name: 'component_id' }) componentId!: string;
  @Column('text', { name: 'session_type' }) sessionType!: string;
  @Column('timestamptz', { name: 'started_at' }) startedAt!: Date;
}
