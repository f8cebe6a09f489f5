import { cpus, totalmem } from 'node:os';
import type { DataSource } from 'typeorm';

export interface BenchFacts {
  readonly cores: number;
  readonly cpuModel: string;
  readonly memoryGiB: string;
  readonly node: string;
  readonly postgres: string;
  readonly synchronousCommit: string;
  readonly fsync: string;
}

export async function readBenchFacts(dataSource: DataSource): Promise<BenchFacts> {
  const [row] = await dataSource.query<{ version: string; synchronous_commit: string; fsync: string }[]>(
    `SELECT current_setting('server_version') AS version,
            current_setting('synchronous_commit') AS synchronous_commit,
            current_setting('fsync') AS fsync`,
  );
  const cores = cpus();
  return {
    cores: cores.length,
    cpuModel: cores[0]?.model.trim() ?? 'unknown',
    memoryGiB: (totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    postgres: row.version,
    synchronousCommit: row.synchronous_commit,
    fsync: row.fsync,
  };
}
