import { extract, pack } from 'tar-stream';

/**
 * Tar archives through `tar-stream`: writing a workspace for a sandbox, and reading what comes
 * back (untrusted) without following links: symlinks, hard links and special files are reported
 * as skipped, never materialised, and content past the size budget is skipped unread.
 */
export interface TarEntryInput {
  readonly path: string;
  readonly content?: Buffer;
  readonly type: 'file' | 'directory';
  readonly mode?: number;
  readonly uid?: number;
  readonly gid?: number;
}

export interface TarFile {
  readonly path: string;
  readonly content: Buffer;
}

export interface TarReadResult {
  readonly files: TarFile[];
  readonly skipped: { path: string; reason: string }[];
}

/** A fixed mtime, so that the same entries always make the same archive. */
const EPOCH = new Date(0);

export async function createTar(entries: readonly TarEntryInput[]): Promise<Buffer> {
  const archive = pack();
  const chunks: Buffer[] = [];
  archive.on('data', (chunk: unknown) => chunks.push(chunk as Buffer));
  const done = new Promise<void>((resolve, reject) => {
    archive.on('end', resolve);
    archive.on('error', reject);
  });
  for (const entry of entries) {
    const header = {
      name: entry.path,
      type: entry.type,
      mode: entry.mode ?? (entry.type === 'directory' ? 0o755 : 0o644),
      uid: entry.uid ?? 0,
      gid: entry.gid ?? 0,
      mtime: EPOCH,
    };
    await new Promise<void>((resolve, reject) => {
      const written = (error?: Error | null) => (error ? reject(error) : resolve());
      if (entry.type === 'file') archive.entry(header, entry.content ?? Buffer.alloc(0), written);
      else archive.entry(header, written);
    });
  }
  archive.finalize();
  await done;
  return Buffer.concat(chunks);
}

const SKIPPED_TYPES: Readonly<Record<string, string>> = {
  symlink: 'symlink (not followed)',
  link: 'hard link (not followed)',
};

/** Reads regular files (up to `maxBytes` in all); everything else is listed as skipped. */
export async function readTar(archive: Buffer, maxBytes: number): Promise<TarReadResult> {
  const files: TarFile[] = [];
  const skipped: { path: string; reason: string }[] = [];
  let total = 0;
  const reader = extract();
  reader.end(archive);
  for await (const entry of reader) {
    const { name, type, size = 0 } = entry.header;
    const path = name.replace(/\/$/, '');
    if (type === 'directory') {
      entry.resume();
      continue;
    }
    if (type !== 'file' && type !== 'contiguous-file') {
      skipped.push({ path, reason: SKIPPED_TYPES[type ?? ''] ?? 'not a regular file' });
      entry.resume();
      continue;
    }
    if (total + size > maxBytes) {
      skipped.push({ path, reason: `over the ${maxBytes}-byte artifact limit` });
      entry.resume();
      continue;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunk as Buffer);
    total += size;
    files.push({ path, content: Buffer.concat(chunks) });
  }
  return { files, skipped };
}
