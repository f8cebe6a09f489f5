import { graphqlOperationOf } from '../../libs/platform/src/nest/logging.module';
import { logFormatFor, serviceLineFormatter } from '../../scripts/supervisor/log-format';

describe('the logs npm start shows', () => {
  it('is readable on a terminal and JSON otherwise, LOG_FORMAT deciding when set', () => {
    expect(logFormatFor({}, true)).toBe('pretty');
    expect(logFormatFor({}, false)).toBe('json');
    expect(logFormatFor({ LOG_FORMAT: 'json' }, true)).toBe('json');
    expect(logFormatFor({ LOG_FORMAT: 'pretty' }, false)).toBe('pretty');
  });

  it('shows a request as time, level, service, message, operation, status and duration', () => {
    const line = JSON.stringify({
      level: 30,
      time: Date.UTC(2026, 11, 2, 12, 0, 5),
      pid: 1,
      hostname: 'h',
      service: 'gateway',
      msg: 'request completed',
      operation: 'mutation createStory',
      req: { method: 'POST', url: '/graphql' },
      res: { statusCode: 200 },
      responseTime: 12,
      correlationId: 'c1',
    });
    expect(serviceLineFormatter('pretty', false)('gateway', line)).toMatch(
      /^\[\d\d:\d\d:05\] INFO: gateway request completed · mutation createStory · 200 · 12 ms$/,
    );
  });

  it('keeps plain lines (the admin token, the URLs) plain, and prefixes them in JSON mode', () => {
    expect(serviceLineFormatter('pretty', false)('gateway', 'admin token: in .data/admin.token')).toBe(
      '[gateway] admin token: in .data/admin.token',
    );
    expect(serviceLineFormatter('json', false)('gateway', '{"level":30}')).toBe('[gateway] {"level":30}');
  });
});

describe('the GraphQL operation a request log names', () => {
  it('is the operation name, else the kind and first field', () => {
    expect(graphqlOperationOf({ query: 'mutation M($i: X!) { createStory(input: $i) { id } }' })).toBe(
      'mutation M',
    );
    expect(graphqlOperationOf({ query: '{ projects { id } }' })).toBe('query projects');
    expect(graphqlOperationOf({ query: 'query { me { actor } }', operationName: 'Who' })).toBe('query Who');
    expect(graphqlOperationOf({ query: 'mutation($i: X!) { runTests(input: $i) { id } }' })).toBe(
      'mutation runTests',
    );
    expect(graphqlOperationOf(undefined)).toBeNull();
    expect(graphqlOperationOf({ jsonrpc: '2.0' })).toBeNull();
  });
});
