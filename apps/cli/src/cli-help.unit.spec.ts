import type { CliIo } from './cli';
import { runCli } from './cli';

async function helpOf(argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const io: CliIo = {
    out: (text) => lines.push(text),
    err: (text) => lines.push(text),
    stdin: async () => '',
    isTTY: false,
    env: {},
  };
  const code = await runCli(argv, io);
  return { code, out: lines.join('\n') };
}

describe('command help', () => {
  it("lists each option of a command with its own description, then the command's notes", async () => {
    const { code, out } = await helpOf(['tests', 'run', '--help']);
    expect(code).toBe(0);
    expect(out).toMatch(/--evidence\s+refuse the run unless it can count as evidence/);
    expect(out).toMatch(/--ref <value>\s+run the files of that commit/);
    expect(out).toContain('The run is recorded as evidence for the component');
    const trace = await helpOf(['trace', '--help']);
    expect(trace.out).toMatch(/--status <value>\s+only criteria in this status \(repeat it\)/);
  });

  it('keeps notes about the global options in the text (login saves --url and --token)', async () => {
    const { out } = await helpOf(['login', '--help']);
    expect(out).toContain('--url <gateway> is the gateway to save');
    expect(out).toContain('reads it from standard input');
  });
});
