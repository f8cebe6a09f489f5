/**
 * Keeps at most `limit` bytes of a run's output, in arrival order, and says when more came.
 * `onExceeded` fires once, the moment the limit is passed (the runner kills the run then).
 */
export class OutputCapture {
  private readonly chunks: Buffer[] = [];
  private kept = 0;
  private seen = 0;
  private exceededAlready = false;

  constructor(
    private readonly limit: number,
    private readonly onExceeded: () => void = () => undefined,
  ) {}

  push(chunk: Buffer): void {
    this.seen += chunk.length;
    const room = this.limit - this.kept;
    if (room > 0) {
      const part = chunk.length <= room ? chunk : chunk.subarray(0, room);
      this.chunks.push(part);
      this.kept += part.length;
    }
    if (this.seen > this.limit && !this.exceededAlready) {
      this.exceededAlready = true;
      this.onExceeded();
    }
  }

  get exceeded(): boolean {
    return this.exceededAlready;
  }

  get totalBytes(): number {
    return this.seen;
  }

  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

/**
 * Docker's multiplexed stream (a container without a TTY): frames of an 8-byte header — stream
 * (1 stdout, 2 stderr), three zero bytes, a big-endian 32-bit length — then the payload. Frames
 * may be split across chunks; the demuxer keeps the partial frame until the rest arrives.
 */
export class DockerStreamDemuxer {
  private pending: Buffer = Buffer.alloc(0);

  constructor(private readonly onPayload: (stream: 'stdout' | 'stderr', payload: Buffer) => void) {}

  push(chunk: Buffer): void {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    while (this.pending.length >= 8) {
      const length = this.pending.readUInt32BE(4);
      if (this.pending.length < 8 + length) return;
      const type = this.pending[0];
      const payload = this.pending.subarray(8, 8 + length);
      this.pending = this.pending.subarray(8 + length);
      if (type === 1 || type === 2) this.onPayload(type === 1 ? 'stdout' : 'stderr', payload);
    }
  }
}
