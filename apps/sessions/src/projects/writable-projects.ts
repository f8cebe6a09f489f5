import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertProjectWritable, dataSourceExecutor } from '@app/platform';

/** Refuses (FORBIDDEN) every write of the sessions service to an archived project. */
@Injectable()
export class WritableProjects {
  constructor(private readonly dataSource: DataSource) {}

  assert(projectId: string): Promise<void> {
    return assertProjectWritable(dataSourceExecutor(this.dataSource), projectId);
  }
}
