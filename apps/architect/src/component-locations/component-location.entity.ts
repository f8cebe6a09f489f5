import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Which project a component belongs to: the `components` lookup table, written with the component's
 * ComponentCreated event in the same transaction, so access checks need not fold the whole stream.
 */
@Entity({ name: 'components' })
export class ComponentLocation {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'project_id' }) projectId!: string;
  @Column('text') name!: string;
  @Column('text') kind!: string;
  @Column('uuid', { name: 'parent_id', nullable: true }) parentId!: string | null;
}
