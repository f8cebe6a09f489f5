import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { loadServiceConfig } from '@app/platform';
import type { ServiceName } from '@app/platform';
import { loadGatewayConfig } from '../../apps/gateway/src/gateway-config';
import { loadSessionsConfig } from '../../apps/sessions/src/sessions-config';

const ROOT = resolve(__dirname, '../..');

interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string | number>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  deploy?: { replicas?: number };
}

const OUR_SERVICES: readonly ServiceName[] = ['stories', 'architect', 'sessions', 'gateway'];

/** `${NAME:?message}` and `${NAME:-default}` as docker compose resolves them, with `given` as the shell. */
function interpolate(value: string | number, given: Record<string, string>): string {
  return String(value).replace(
    /\$\{([A-Z_]+)(?::([?-])([^}]*))?\}/g,
    (_: string, name: string, kind?: string, rest: string = ''): string => {
      if (given[name]) return given[name];
      if (kind === '?') throw new Error(`compose requires ${name}: ${rest}`);
      return kind === '-' ? rest : '';
    },
  );
}

/** Loads a service's configuration from an environment and records every variable the readers looked at. */
function loadWithRecording(service: ServiceName, env: Record<string, string>): Set<string> {
  const read = new Set<string>();
  const recording = new Proxy(env, {
    get(target, name) {
      if (typeof name === 'string') read.add(name);
      return target[name as string];
    },
  });
  loadServiceConfig(service, recording);
  if (service === 'gateway') loadGatewayConfig(recording);
  if (service === 'sessions') loadSessionsConfig(recording);
  return read;
}

/**
 * docker compose cannot run here (no registry), so the file is checked for what can be wrong in
 * it: a variable no configuration reader knows (a typo silently ignored), a value the readers
 * refuse, a command that the build does not produce, a dependency on a service that is not there.
 */
describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(resolve(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
    name: string;
    services: Record<string, ComposeService>;
  };
  const shell = { CODEMYSPEC_INTERNAL_SECRET: 's'.repeat(40), CODEMYSPEC_ADMIN_TOKEN: 't'.repeat(30) };

  it.each(OUR_SERVICES)(
    '%s: every variable is one its configuration reads, with a value it accepts',
    (name) => {
      const service = compose.services[name];
      const env = Object.fromEntries(
        Object.entries(service.environment ?? {}).map(([key, value]) => [key, interpolate(value, shell)]),
      );
      const read = loadWithRecording(name, env);
      expect(Object.keys(env).filter((key) => !read.has(key))).toEqual([]);
    },
  );

  it.each(OUR_SERVICES)(
    '%s: runs a file the build produces, checks its health, waits for services that exist',
    (name) => {
      const service = compose.services[name];
      const entry = service.command?.find((part) => part.endsWith('.js')) ?? '';
      expect(entry).toMatch(/^dist\//);
      expect(existsSync(resolve(ROOT, entry.replace(/^dist\//, '').replace(/\.js$/, '.ts')))).toBe(true);
      expect(service.healthcheck?.test.join(' ')).toContain('/health/ready');
      for (const dependency of Object.keys(service.depends_on ?? {}))
        expect(Object.keys(compose.services)).toContain(dependency);
    },
  );

  it('points each service at every replica of the others, by the names and ports compose gives them', () => {
    const ports = Object.fromEntries(
      OUR_SERVICES.map((name) => [name, String(compose.services[name].environment?.PORT ?? '4000')]),
    );
    for (const service of OUR_SERVICES)
      for (const [key, value] of Object.entries(compose.services[service].environment ?? {})) {
        const target = /^(STORIES|ARCHITECT|SESSIONS)_URL$/.exec(key)?.[1].toLowerCase();
        if (!target) continue;
        const replicas = compose.services[target].deploy?.replicas ?? 1;
        const expected = Array.from(
          { length: replicas },
          (_, n) => `http://${compose.name}-${target}-${n + 1}:${ports[target]}/graphql`,
        );
        expect(String(value).split(',')).toEqual(expected);
      }
  });

  it('runs every subgraph as two replicas at least (they share consumer groups and locks)', () => {
    for (const name of ['stories', 'architect', 'sessions'])
      expect(compose.services[name].deploy?.replicas).toBeGreaterThanOrEqual(2);
  });
});

describe('Dockerfile', () => {
  it('copies every folder the build compiles, and runs as a non-root user', () => {
    const dockerfile = readFileSync(resolve(ROOT, 'Dockerfile'), 'utf8');
    const build = JSON.parse(readFileSync(resolve(ROOT, 'tsconfig.build.json'), 'utf8')) as {
      include: string[];
    };
    const copied = [...dockerfile.matchAll(/^COPY (?!--)(.+) \S+$/gm)].flatMap((m) => m[1].split(/\s+/));
    for (const folder of build.include.map((pattern) => pattern.split('/')[0]))
      expect(copied).toContain(folder);
    expect(dockerfile).toMatch(/^USER (?!root)\w+$/m);
  });
});
