import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The git record's copy of a project's name (the heading of `docs/user_stories.md`). */
@Entity({ name: 'record_projects' })
export class RecordProject {
  @PrimaryColumn('uuid', { name: 'project_id' }) projectId!: string;
  @Column('text') name!: string;
}
