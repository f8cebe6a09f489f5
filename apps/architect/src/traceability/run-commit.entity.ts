import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The git record's commit of a green run: where a criterion's verified code can be read. */
@Entity({ name: 'run_commits' })
export class RunCommit {
  @PrimaryColumn('uuid', { name: 'run_id' }) runId!: string;
  @Column('uuid', { name: 'component_id' }) componentId!: string;
  @Column('text') commit!: string;
}
