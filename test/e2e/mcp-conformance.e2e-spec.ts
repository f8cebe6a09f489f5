import { execFile } from 'node:child_process';
import { createServer, request } from 'node:http';
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import type { RunningSystem } from './system';
import { E2E_ADMIN_TOKEN, startSystem } from './system';

const run = promisify(execFile);
const CONFORMANCE = resolve(__dirname, '../../node_modules/.bin/conformance');

/** The protocol's own suite: the server scenarios that fit a server with our tools, resources and prompts. */
const SCENARIOS = [
  'server-initialize',
  'ping',
  'tools-list',
  'resources-list',
  'prompts-list',
  'tools-call-error',
  'dns-rebinding-protection',
];

/**
 * The suite's client sends no Authorization header: a local proxy adds the token and forwards
 * everything else as it came (Host and Origin included, so DNS-rebinding protection is what is tested).
 */
async function tokenProxy(target: string): Promise<{ url: string; server: Server }> {
  const upstream = new URL(target);
  const server = createServer((req, res) => {
    const forwarded = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, authorization: `Bearer ${E2E_ADMIN_TOKEN}` },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forwarded.on('error', () => res.writeHead(502).end());
    req.pipe(forwarded);
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/mcp`, server };
}

describe('MCP conformance (@modelcontextprotocol/conformance) against the running gateway', () => {
  let system: RunningSystem;
  let proxy: { url: string; server: Server };

  beforeAll(async () => {
    system = await startSystem();
    proxy = await tokenProxy(system.url);
  }, 120_000);

  afterAll(async () => {
    proxy?.server.close();
    await system?.stop();
  });

  it.each(SCENARIOS)(
    'passes %s',
    async (scenario) => {
      const { stdout } = await run(CONFORMANCE, ['server', '--url', proxy.url, '--scenario', scenario], {
        env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1' },
        timeout: 60_000,
      }).catch((error: { stdout?: string; stderr?: string; message: string }) => {
        throw new Error(`${scenario} failed:\n${error.stdout ?? ''}${error.stderr ?? ''}${error.message}`);
      });
      expect(stdout).toMatch(/Passed: \d+\/\d+, 0 failed/);
    },
    90_000,
  );
});
