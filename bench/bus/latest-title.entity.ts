import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The throughput read model as a TypeORM entity, as the services' read models are written. */
@Entity({ name: 'latest_titles' })
export class LatestTitle {
  @PrimaryColumn('text', { name: 'stream_id' }) streamId!: string;
  @Column('text') title!: string;
  @Column('bigint') version!: number;
}
