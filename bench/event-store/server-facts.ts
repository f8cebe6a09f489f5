import { availableParallelism, cpus, totalmem } from 'node:os';
import { withAdminClient } from './admin-sql';

export interface ServerFacts {
  readonly cores: number;
  readonly cpuModel: string;
  readonly memoryGiB: number;
  readonly node: string;
  readonly postgres: string;
  readonly fsync: string;
  readonly synchronousCommit: string;
  readonly walSyncMethod: string;
  readonly fullPageWrites: string;
  readonly sharedBuffers: string;
}

export async function readServerFacts(url: string): Promise<ServerFacts> {
  const settings = await withAdminClient(url, async (client) => {
    const { rows } = await client.query<{ name: string; setting: string }>(
      `SELECT name, current_setting(name) AS setting FROM unnest($1::text[]) AS name`,
      [
        [
          'server_version',
          'fsync',
          'synchronous_commit',
          'wal_sync_method',
          'full_page_writes',
          'shared_buffers',
        ],
      ],
    );
    return new Map(rows.map((row) => [row.name, row.setting]));
  });
  const setting = (name: string): string => settings.get(name) ?? '?';
  return {
    cores: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    postgres: setting('server_version'),
    fsync: setting('fsync'),
    synchronousCommit: setting('synchronous_commit'),
    walSyncMethod: setting('wal_sync_method'),
    fullPageWrites: setting('full_page_writes'),
    sharedBuffers: setting('shared_buffers'),
  };
}
