import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A project as it stands now: the `projects` read model, written in the same transaction as its events. */
@Entity({ name: 'projects' })
export class ProjectRecord {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text') description!: string;
  @Column('boolean') archived!: boolean;
  @Column('integer') version!: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
