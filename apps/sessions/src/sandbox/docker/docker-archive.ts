import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { SANDBOX_REPORT_FILE, SANDBOX_WORKSPACE } from '../sandbox.port';
import type { SandboxArtifact, SandboxRequest } from '../sandbox.port';
import { readTar } from '../tar-archive';

function streamToBuffer(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        (stream as Readable).destroy(new Error(`archive larger than ${maxBytes} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/** The TAP report the test command wrote, read while the container (and its tmpfs) is up. */
export async function readReport(container: Docker.Container): Promise<string | null> {
  try {
    const archive = await streamToBuffer(
      await container.getArchive({ path: SANDBOX_REPORT_FILE }),
      16 * 1024 * 1024,
    );
    const { files } = await readTar(archive, 16 * 1024 * 1024);
    return files[0]?.content.toString('utf8') ?? null;
  } catch {
    return null; // the command wrote no report
  }
}

/** Artifacts come out as tar streams; links and special files are listed, never followed. */
export async function collectArtifacts(
  container: Docker.Container,
  request: SandboxRequest,
): Promise<{ artifacts: SandboxArtifact[]; skipped: { path: string; reason: string }[] }> {
  const artifacts: SandboxArtifact[] = [];
  const skipped: { path: string; reason: string }[] = [];
  let budget = request.limits.artifactBytes;
  for (const path of request.collect ?? []) {
    try {
      const stream = await container.getArchive({ path: `${SANDBOX_WORKSPACE}/${path}` });
      const archive = await streamToBuffer(stream, budget + 1024 * 1024);
      const read = await readTar(archive, budget);
      // Entries are named from the basename of the requested path; rebase them on the workspace.
      const parent = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
      for (const file of read.files) {
        budget -= file.content.length;
        artifacts.push({ path: `${parent}${file.path}`, content: file.content });
      }
      for (const s of read.skipped) skipped.push({ path: `${parent}${s.path}`, reason: s.reason });
    } catch (error) {
      skipped.push({
        path,
        reason: (error instanceof Error ? error.message : String(error)).includes('larger than')
          ? 'over the artifact limit'
          : 'not found',
      });
    }
  }
  return { artifacts, skipped };
}
