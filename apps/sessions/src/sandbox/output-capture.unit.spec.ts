import { DockerStreamDemuxer, OutputCapture } from './output-capture';

function frame(stream: 1 | 2, text: string): Buffer {
  const payload = Buffer.from(text);
  const header = Buffer.alloc(8);
  header[0] = stream;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

describe('OutputCapture', () => {
  it('keeps exactly the limit and fires once when it is passed', () => {
    let fired = 0;
    const capture = new OutputCapture(10, () => (fired += 1));
    capture.push(Buffer.from('12345'));
    capture.push(Buffer.from('67890'));
    expect(capture.exceeded).toBe(false);
    capture.push(Buffer.from('abc'));
    capture.push(Buffer.from('def'));
    expect(capture.text()).toBe('1234567890');
    expect(capture).toMatchObject({ exceeded: true, totalBytes: 16 });
    expect(fired).toBe(1);
  });
});

describe('DockerStreamDemuxer', () => {
  it('splits frames of both streams, also when a frame arrives in pieces', () => {
    const seen: [string, string][] = [];
    const demuxer = new DockerStreamDemuxer((stream, payload) => seen.push([stream, payload.toString()]));
    const bytes = Buffer.concat([frame(1, 'out one\n'), frame(2, 'err\n'), frame(1, 'out two\n')]);
    for (let i = 0; i < bytes.length; i += 3) demuxer.push(bytes.subarray(i, i + 3));
    expect(seen).toEqual([
      ['stdout', 'out one\n'],
      ['stderr', 'err\n'],
      ['stdout', 'out two\n'],
    ]);
  });
});
