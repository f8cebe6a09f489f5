import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One test of a component as the sandbox runs saw it: the last run in which it failed as red
 * evidence (it failed on an assertion or the missing implementation, in a red run) and the last in
 * which it passed (in a red or green run), each with the hash of the test's source then.
 */
@Entity({ name: 'test_results' })
export class TestResult {
  @PrimaryColumn('uuid', { name: 'component_id' }) componentId!: string;
  /** The name normalized as assertions are (`normalizeTestName`). */
  @PrimaryColumn('text') key!: string;
  /** The name as the newest run reported it. */
  @Column('text') name!: string;
  @Column('uuid', { name: 'last_red_run_id', nullable: true }) lastRedRunId!: string | null;
  @Column('timestamptz', { name: 'last_red_at', nullable: true }) lastRedAt!: Date | null;
  @Column('text', { name: 'last_red_file_sha256', nullable: true }) lastRedFileSha256!: string | null;
  @Column('uuid', { name: 'last_green_run_id', nullable: true }) lastGreenRunId!: string | null;
  @Column('timestamptz', { name: 'last_green_at', nullable: true }) lastGreenAt!: Date | null;
  @Column('text', { name: 'last_green_file_sha256', nullable: true }) lastGreenFileSha256!: string | null;
}
