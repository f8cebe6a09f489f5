import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A project's sandbox settings as they stand: the `project_settings` read model. */
@Entity({ name: 'project_settings' })
export class ProjectSettingsRecord {
  @PrimaryColumn('uuid', { name: 'project_id' }) projectId!: string;
  @Column('text', { nullable: true }) image!: string | null;
  @Column('text', { name: 'test_command', nullable: true }) testCommand!: string | null;
  /** The settings stream's version. */
  @Column('integer') version!: number;
}
