import { ConfigError, envReader } from './env-reader';
import { loadServiceConfig } from './service-config';

describe('envReader', () => {
  it('parses typed values and falls back to defaults', () => {
    const read = envReader({ PORT: '4100', FLAG: 'yes', LIST: 'a, b,,c', EMPTY: '  ' });
    expect(read.port('PORT', 1)).toBe(4100);
    expect(read.port('MISSING', 7)).toBe(7);
    expect(read.bool('FLAG', false)).toBe(true);
    expect(read.list('LIST')).toEqual(['a', 'b', 'c']);
    expect(read.optionalString('EMPTY')).toBeUndefined();
  });

  it('names the variable in every error', () => {
    const read = envReader({ PORT: 'eighty', BIG: '70000', URL: 'nope', MODE: 'x', B: 'maybe' });
    expect(() => read.port('PORT', 1)).toThrow(new ConfigError('PORT', 'must be an integer, got "eighty"'));
    expect(() => read.port('BIG', 1)).toThrow(/^BIG must be at most 65535/);
    expect(() => read.url('URL', ['postgres:'])).toThrow(/^URL must be a URL/);
    expect(() => read.oneOf('MODE', ['a', 'b'], 'a')).toThrow(/^MODE must be one of a, b/);
    expect(() => read.bool('B', true)).toThrow(/^B must be true or false/);
    expect(() => read.string('REQUIRED')).toThrow(/^REQUIRED is required/);
  });
});

describe('loadServiceConfig', () => {
  it('gives each service its schema and default port, with per-service database overrides', () => {
    const config = loadServiceConfig('architect', {
      DATABASE_URL: 'postgres://a@127.0.0.1/x',
      ARCHITECT_DATABASE_URL: 'postgres://b@127.0.0.1/y',
      KAFKA_BROKERS: '127.0.0.1:9092',
      CODEMYSPEC_INTERNAL_SECRET: 's'.repeat(32),
    });
    expect(config).toMatchObject({
      schema: 'architect',
      port: 4002,
      databaseUrl: 'postgres://b@127.0.0.1/y',
      kafkaBrokers: ['127.0.0.1:9092'],
    });
  });

  it('explains how to start when no database is configured', () => {
    expect(() => loadServiceConfig('stories', {})).toThrow(/npm start/);
    expect(() => loadServiceConfig('stories', { DATABASE_URL: 'mysql://x' })).toThrow(
      /^DATABASE_URL must use postgres:/,
    );
  });
});
