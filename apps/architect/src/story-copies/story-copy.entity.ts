import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The architect's copy of one story: what it needs to map stories and notice revisions. */
@Entity({ name: 'story_copies' })
export class StoryCopy {
  @PrimaryColumn('uuid', { name: 'story_id' }) storyId!: string;
  @Column('uuid', { name: 'project_id' }) projectId!: string;
  @Column('text') title!: string;
  /** The story stream's version this copy has seen. */
  @Column('integer') version!: number;
  @Column('timestamptz', { name: 'revised_at' }) revisedAt!: Date;
  @Column('boolean', { default: false }) deleted!: boolean;
}
