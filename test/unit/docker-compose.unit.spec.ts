import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

const ROOT = resolve(__dirname, '../..');

interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, unknown>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
}

/** docker compose cannot run here (no registry), so the file is checked as data: what `docker compose config` would resolve. */
describe('docker-compose.yml and Dockerfile', () => {
  const compose = parse(readFileSync(resolve(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
    services: Record<string, ComposeService>;
    volumes: Record<string, unknown>;
  };
  const services = compose.services;

  it('runs postgres, a KRaft kafka and the four services', () => {
    expect(Object.keys(services).sort()).toEqual([
      'architect',
      'gateway',
      'kafka',
      'postgres',
      'sessions',
      'stories',
    ]);
    expect(services.kafka.image).toMatch(/^apache\/kafka:4\./);
    expect(services.kafka.environment).toMatchObject({ KAFKA_PROCESS_ROLES: 'broker,controller' });
    expect(Object.keys(compose.volumes)).toEqual(['pgdata', 'kafkadata', 'sessionsdata']);
  });

  it('gives every service a command, a healthcheck, and healthy dependencies', () => {
    for (const name of ['stories', 'architect', 'sessions', 'gateway']) {
      const service = services[name];
      expect(service.command).toEqual(['node', `dist/apps/${name}/src/main.js`]);
      expect(service.healthcheck?.test.join(' ')).toContain('/health/ready');
      expect(service.environment).toMatchObject({ KAFKA_BROKERS: 'kafka:9092', HOST: '0.0.0.0' });
      expect(String(service.environment?.DATABASE_URL)).toMatch(/^postgres:\/\/.+@postgres:5432\//);
      for (const condition of Object.values(service.depends_on ?? {}))
        expect(condition.condition).toBe('service_healthy');
    }
    for (const name of ['stories', 'architect', 'sessions'])
      expect(Object.keys(services[name].depends_on ?? {}).sort()).toEqual(['kafka', 'postgres']);
    expect(Object.keys(services.gateway.depends_on ?? {}).sort()).toEqual([
      'architect',
      'sessions',
      'stories',
    ]);
    expect(services.postgres.healthcheck?.test.join(' ')).toContain('pg_isready');
  });

  it('wires the gateway to every subgraph and gives the sessions service its sandbox engine and LLM settings', () => {
    expect(services.gateway.environment).toMatchObject({
      STORIES_URL: 'http://stories:4001/graphql',
      ARCHITECT_URL: 'http://architect:4002/graphql',
      SESSIONS_URL: 'http://sessions:4003/graphql',
    });
    expect(services.sessions.environment).toMatchObject({
      STORIES_URL: 'http://stories:4001/graphql',
      ARCHITECT_URL: 'http://architect:4002/graphql',
      SANDBOX_DRIVER: 'docker',
      CODEMYSPEC_DATA_DIR: '/data',
    });
    expect(Object.keys(services.sessions.environment ?? {})).toEqual(
      expect.arrayContaining(['OPENAI_BASE_URL', 'OPENAI_API_KEY', 'OPENAI_MODEL']),
    );
    expect(services.sessions.volumes).toEqual([
      '/var/run/docker.sock:/var/run/docker.sock',
      'sessionsdata:/data',
    ]);
  });

  it('builds one multi-stage image that runs as a non-root user', () => {
    const dockerfile = readFileSync(resolve(ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/npm prune --omit=dev/);
  });
});
