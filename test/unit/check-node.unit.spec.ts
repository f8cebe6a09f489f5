import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { nodeProblem } = require('../../scripts/check-node.cjs') as {
  nodeProblem: (v: string) => string | null;
};

const SCRIPT = resolve(__dirname, '../../scripts/check-node.cjs');

describe('check-node (npm start / npm test on an old Node)', () => {
  it('accepts Node 22 and newer, and names what to install otherwise', () => {
    expect(nodeProblem('22.0.0')).toBeNull();
    expect(nodeProblem('24.21.0')).toBeNull();
    expect(nodeProblem('20.20.2')).toMatch(
      /needs Node\.js 22 or newer .*this is Node\.js 20\.20\.2.*node@24/,
    );
    expect(nodeProblem('v18.0.0')).toContain('this is Node.js v18.0.0');
  });

  it('passes silently on this Node', () => {
    const run = spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8' });
    expect([run.status, run.stderr]).toEqual([0, '']);
  });

  it("stops with one line on the machine's own older Node, when there is one", () => {
    const system = '/usr/bin/node';
    if (!existsSync(system)) return;
    const version = spawnSync(system, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim();
    if (Number(version.split('.')[0]) >= 22) return;
    const run = spawnSync(system, [SCRIPT], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(`this is Node.js ${version}`);
  });
});
