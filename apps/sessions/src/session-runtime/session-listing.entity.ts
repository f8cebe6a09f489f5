import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SessionStatus, SessionType } from '../session/session.events';

/** One session's place and status: the `sessions` read model, written with each of its events. */
@Entity({ name: 'sessions' })
export class SessionListing {
  @PrimaryColumn('uuid', { name: 'session_id' }) sessionId!: string;
  @Column('uuid', { name: 'project_id' }) projectId!: string;
  @Column('uuid', { name: 'component_id' }) componentId!: string;
  @Column('uuid', { name: 'parent_id', nullable: true }) parentId!: string | null;
  @Column('text') type!: SessionType;
  @Column('text') status!: SessionStatus;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
