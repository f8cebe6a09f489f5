import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The architect's copy of one acceptance criterion: what design validation needs to check citations. */
@Entity({ name: 'criterion_copies' })
export class CriterionCopy {
  @PrimaryColumn('text', { name: 'criterion_id' }) criterionId!: string;
  @Column('uuid', { name: 'story_id' }) storyId!: string;
  /** `AC-<n>`; null for a criterion recorded before references existed (it cannot be cited). */
  @Column('text', { nullable: true }) ref!: string | null;
  @Column('text') description!: string;
  /** Order within the story: criteria are listed as the story lists them. */
  @Column('integer') position!: number;
  /** When its text last changed (null: as created); tests that ran before do not verify the new text. */
  @Column('timestamptz', { name: 'changed_at', nullable: true }) changedAt!: Date | null;
}
