import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A criterion as the git record writes it into `docs/user_stories.md`. */
export interface RecordCriterion {
  readonly id: string;
  readonly ref?: string;
  readonly description: string;
}

/** The git record's copy of a story (fed by the stories service's public events), for `docs/user_stories.md`. */
@Entity({ name: 'record_stories' })
export class RecordStory {
  @PrimaryColumn('uuid', { name: 'story_id' }) storyId!: string;
  @Column('uuid', { name: 'project_id' }) projectId!: string;
  @Column('text') title!: string;
  @Column('text') description!: string;
  @Column('jsonb') criteria!: RecordCriterion[];
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
