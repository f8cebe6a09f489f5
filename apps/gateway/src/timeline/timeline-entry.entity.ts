import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One event of any service on the project-wide audit timeline: only what the event carries. */
@Entity({ name: 'timeline' })
export class TimelineEntry {
  @PrimaryColumn('uuid', { name: 'event_id' }) eventId!: string;
  @Column('uuid', { name: 'project_id', nullable: true }) projectId!: string | null;
  @Column('text') service!: string;
  @Column('text', { name: 'stream_id' }) streamId!: string;
  @Column('text', { name: 'stream_type' }) streamType!: string;
  @Column('integer') version!: number;
  @Column('text') type!: string;
  @Column('text', { nullable: true }) actor!: string | null;
  @Column('text', { name: 'correlation_id', nullable: true }) correlationId!: string | null;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt!: Date;
  @Column('jsonb') data!: object;
}
