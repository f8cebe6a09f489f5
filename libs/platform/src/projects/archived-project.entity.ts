import { Entity, PrimaryColumn } from 'typeorm';

/** A project archived in the stories service, as every service's bus-fed copy knows it. */
@Entity({ name: 'archived_projects' })
export class ArchivedProject {
  @PrimaryColumn('uuid', { name: 'project_id' }) projectId!: string;
}
