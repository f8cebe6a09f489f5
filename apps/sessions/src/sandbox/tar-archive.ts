/**
 * Minimal ustar writing and reading, enough for copying a workspace into a sandbox and its
 * artifacts back out. Reading never follows links: symlinks, hard links and special files are
 * reported as skipped, not materialised.
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

const BLOCK = 512;

function writeString(header: Buffer, offset: number, length: number, value: string): void {
  header.write(value, offset, Math.min(Buffer.byteLength(value), length), 'utf8');
}

function writeOctal(header: Buffer, offset: number, length: number, value: number): void {
  header.write(`${value.toString(8).padStart(length - 1, '0')}\0`, offset, length, 'ascii');
}

function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let length = Buffer.byteLength(body) + 1;
  while (String(length).length + Buffer.byteLength(body) !== length) length += 1;
  return `${length}${body}`;
}

function headerFor(name: string, size: number, typeflag: string, entry: Partial<TarEntryInput>): Buffer {
  const header = Buffer.alloc(BLOCK, 0);
  writeString(header, 0, 100, name);
  writeOctal(header, 100, 8, entry.mode ?? (typeflag === '5' ? 0o755 : 0o644));
  writeOctal(header, 108, 8, entry.uid ?? 0);
  writeOctal(header, 116, 8, entry.gid ?? 0);
  writeOctal(header, 124, 12, size);
  writeOctal(header, 136, 12, 0); // mtime: fixed, so archives are reproducible
  header.fill(' ', 148, 156);
  header.write(typeflag, 156, 1, 'ascii');
  header.write('ustar\0', 257, 6, 'ascii');
  header.write('00', 263, 2, 'ascii');
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
  return header;
}

function padded(content: Buffer): Buffer[] {
  const rest = content.length % BLOCK;
  return rest === 0 ? [content] : [content, Buffer.alloc(BLOCK - rest, 0)];
}

export function createTar(entries: readonly TarEntryInput[]): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    const name = entry.type === 'directory' && !entry.path.endsWith('/') ? `${entry.path}/` : entry.path;
    const content = entry.type === 'file' ? (entry.content ?? Buffer.alloc(0)) : Buffer.alloc(0);
    if (Buffer.byteLength(name) > 99) {
      // A PAX extended header carries the long path.
      const pax = Buffer.from(paxRecord('path', name), 'utf8');
      parts.push(headerFor('././@PaxHeader', pax.length, 'x', {}), ...padded(pax));
    }
    parts.push(headerFor(name.slice(0, 99), content.length, entry.type === 'file' ? '0' : '5', entry));
    if (content.length > 0) parts.push(...padded(content));
  }
  parts.push(Buffer.alloc(BLOCK * 2, 0));
  return Buffer.concat(parts);
}

function readString(block: Buffer, offset: number, length: number): string {
  const raw = block.subarray(offset, offset + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? raw.length : end).toString('utf8');
}

function readOctal(block: Buffer, offset: number, length: number): number {
  const text = readString(block, offset, length).trim();
  return text === '' ? 0 : parseInt(text, 8);
}

function parsePax(content: Buffer): Record<string, string> {
  const records: Record<string, string> = {};
  let offset = 0;
  while (offset < content.length) {
    const space = content.indexOf(0x20, offset);
    if (space === -1) break;
    const length = Number(content.subarray(offset, space).toString('ascii'));
    if (!Number.isInteger(length) || length <= 0) break;
    const body = content.subarray(space + 1, offset + length - 1).toString('utf8');
    const eq = body.indexOf('=');
    if (eq > 0) records[body.slice(0, eq)] = body.slice(eq + 1);
    offset += length;
  }
  return records;
}

/** Reads regular files (up to `maxBytes` in all); everything else is listed as skipped. */
export function readTar(archive: Buffer, maxBytes: number): TarReadResult {
  const files: TarFile[] = [];
  const skipped: { path: string; reason: string }[] = [];
  let total = 0;
  let offset = 0;
  let longName: string | undefined;
  while (offset + BLOCK <= archive.length) {
    const block = archive.subarray(offset, offset + BLOCK);
    if (block.every((b) => b === 0)) break;
    const size = readOctal(block, 124, 12);
    const typeflag = String.fromCharCode(block[156] || 48);
    const prefix = readString(block, 345, 155);
    const baseName = readString(block, 0, 100);
    const name = longName ?? (prefix ? `${prefix}/${baseName}` : baseName);
    const dataStart = offset + BLOCK;
    const content = archive.subarray(dataStart, dataStart + size);
    offset = dataStart + Math.ceil(size / BLOCK) * BLOCK;
    if (typeflag === 'x') {
      longName = parsePax(content).path ?? longName;
      continue;
    }
    if (typeflag === 'L') {
      longName = readString(content, 0, content.length);
      continue;
    }
    longName = undefined;
    if (typeflag === 'g' || typeflag === '5') continue;
    if (typeflag === '2') skipped.push({ path: name, reason: 'symlink (not followed)' });
    else if (typeflag === '1') skipped.push({ path: name, reason: 'hard link (not followed)' });
    else if (typeflag !== '0' && typeflag !== '7') skipped.push({ path: name, reason: 'not a regular file' });
    else if (total + size > maxBytes)
      skipped.push({ path: name, reason: `over the ${maxBytes}-byte artifact limit` });
    else {
      total += size;
      files.push({ path: name, content: Buffer.from(content) });
    }
  }
  return { files, skipped };
}
