import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A project the gateway has seen created (tokens may only be issued for those). */
@Entity({ name: 'known_projects' })
export class KnownProject {
  @PrimaryColumn('uuid', { name: 'project_id' }) projectId!: string;
  @Column('text') name!: string;
}
