import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The architect's copy of a project's name. */
@Entity({ name: 'project_copies' })
export class ProjectCopy {
  @PrimaryColumn('uuid', { name: 'project_id' }) projectId!: string;
  @Column('text') name!: string;
}
