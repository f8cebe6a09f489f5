import { VERSION } from './version';

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(argv: string[]): Promise<number> {
  // The version, before any command module is loaded.
  if (argv.length === 1 && ['--version', '-V'].includes(argv[0])) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const { runCli } = await import('./cli');
  return runCli(argv, {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    stdin: readStdin,
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
  });
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
