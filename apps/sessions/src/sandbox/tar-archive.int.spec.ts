import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTar, readTar } from './tar-archive';

/** Our archives against the real GNU tar, both ways (an integration test: it runs the tar binary). */
describe('tar archives', () => {
  const long = `${'deep/'.repeat(30)}file.ts`;
  let archive: Buffer;
  beforeAll(async () => {
    archive = await createTar([
      { path: 'workspace', type: 'directory', uid: 10001, gid: 10001 },
      {
        path: 'workspace/a.ts',
        type: 'file',
        content: Buffer.from('export const a = 1;\n'),
        uid: 10001,
        gid: 10001,
      },
      { path: `workspace/${long}`, type: 'file', content: Buffer.alloc(1500, 'z') },
    ]);
  });

  it('round-trips files, including a path longer than 100 bytes (PAX)', async () => {
    const { files, skipped } = await readTar(archive, 1024 * 1024);
    expect(skipped).toEqual([]);
    expect(files.map((f) => [f.path, f.content.length])).toEqual([
      ['workspace/a.ts', 20],
      [`workspace/${long}`, 1500],
    ]);
  });

  it('is read by GNU tar with the owners and contents it declares', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tar-int-'));
    try {
      execFileSync('tar', ['-x', '-C', dir, '--numeric-owner'], { input: archive });
      expect(readFileSync(join(dir, 'workspace/a.ts'), 'utf8')).toBe('export const a = 1;\n');
      expect(readFileSync(join(dir, 'workspace', long)).length).toBe(1500);
      if (process.getuid?.() === 0) expect(statSync(join(dir, 'workspace/a.ts')).uid).toBe(10001);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never materialises links and keeps to the size budget', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tar-int-'));
    try {
      execFileSync(
        'sh',
        [
          '-c',
          'mkdir out && printf 1234567890 > out/big && printf ab > out/small && ln -s /etc/passwd out/link && ln out/small out/hard',
        ],
        { cwd: dir },
      );
      const gnu = execFileSync('tar', ['-c', '-C', dir, 'out']);
      const { files, skipped } = await readTar(gnu, 5);
      expect(files.map((f) => f.path).sort()).toEqual(['out/small']);
      expect(skipped.map((s) => [s.path, s.reason.split(' ')[0]]).sort()).toEqual([
        ['out/big', 'over'],
        ['out/hard', 'hard'],
        ['out/link', 'symlink'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
