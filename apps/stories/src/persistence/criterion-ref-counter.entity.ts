import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last criterion reference number issued in a project (`AC-<last>`); it only grows. */
@Entity({ name: 'criterion_ref_counters' })
export class CriterionRefCounter {
  @PrimaryColumn('uuid', { name: 'project_id' }) projectId!: string;
  @Column('integer') last!: number;
}
