import { createHash } from 'node:crypto';
import type { SqlExecutor } from '@app/platform';

export function sha256Of(content: Buffer | string): string {
  return createHash('sha256').update(content).digest('hex');
}

/** Immutable, content-addressed storage: the same content is stored once, under its sha256. */
export class BlobStore {
  async put(sql: SqlExecutor, content: Buffer | string): Promise<string> {
    const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const sha256 = sha256Of(bytes);
    await sql.query(
      `INSERT INTO blobs (sha256, size, content) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING`,
      [sha256, bytes.length, bytes],
      { prepare: true },
    );
    return sha256;
  }

  async getMany(sql: SqlExecutor, hashes: readonly string[]): Promise<Map<string, Buffer>> {
    if (hashes.length === 0) return new Map();
    const { rows } = await sql.query<{ sha256: string; content: Buffer }>(
      `SELECT sha256, content FROM blobs WHERE sha256 = ANY($1::text[])`,
      [[...new Set(hashes)]],
    );
    return new Map(rows.map((r) => [r.sha256, r.content]));
  }

  async get(sql: SqlExecutor, sha256: string): Promise<Buffer | null> {
    return (await this.getMany(sql, [sha256])).get(sha256) ?? null;
  }
}
