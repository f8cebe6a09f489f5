import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { StoryPriority, StoryStatus } from '../story/story.values';

export interface CriterionRecord {
  readonly id: string;
  /** Absent (or null) for criteria recorded before references existed. */
  readonly ref?: string | null;
  readonly description: string;
  readonly verified: boolean;
}

/** A story as it stands now: the `stories` read model, written in the same transaction as its events. */
@Entity({ name: 'stories' })
export class StoryRecord {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'project_id' }) projectId!: string;
  @Column('text') title!: string;
  @Column('text') description!: string;
  @Column('text') status!: StoryStatus;
  @Column('text') priority!: StoryPriority;
  @Column('text', { array: true }) tags!: string[];
  @Column('jsonb', { name: 'acceptance_criteria' }) acceptanceCriteria!: CriterionRecord[];
  @Column('text', { name: 'component_id', nullable: true }) componentId!: string | null;
  @Column('text', { name: 'component_name', nullable: true }) componentName!: string | null;
  @Column('integer') version!: number;
  @Column('boolean') deleted!: boolean;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
