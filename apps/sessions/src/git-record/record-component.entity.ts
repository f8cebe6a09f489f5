import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A component's accepted design as the git record knows it: where it is written, and what it cites. */
@Entity({ name: 'record_components' })
export class RecordComponent {
  @PrimaryColumn('uuid', { name: 'component_id' }) componentId!: string;
  @Column('uuid', { name: 'project_id' }) projectId!: string;
  @Column('text') name!: string;
  @Column('integer', { name: 'design_version' }) designVersion!: number;
  /** The criterion references its accepted design's Test Assertions cite. */
  @Column('text', { array: true }) refs!: string[];
}
