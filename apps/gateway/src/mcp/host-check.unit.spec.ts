import { foreignHost } from './host-check';

describe('DNS-rebinding protection of /mcp', () => {
  it('accepts loopback names on any port, and the allowed hosts', () => {
    expect(foreignHost('127.0.0.1:4000', undefined, [])).toBeNull();
    expect(foreignHost('localhost:1234', 'http://localhost:1234', [])).toBeNull();
    expect(foreignHost('[::1]:4000', undefined, [])).toBeNull();
    expect(
      foreignHost('codemyspec.example.org', 'https://codemyspec.example.org', ['codemyspec.example.org']),
    ).toBeNull();
  });

  it('refuses a foreign Host or Origin (a rebound name), saying which and how to allow it', () => {
    expect(foreignHost('evil.example.com', 'http://evil.example.com', [])).toMatch(
      /^the Host header "evil.example.com" is not an allowed host .*MCP_ALLOWED_HOSTS/,
    );
    expect(foreignHost('127.0.0.1:4000', 'http://evil.example.com', [])).toMatch(
      /^the Origin "http:\/\/evil.example.com"/,
    );
    expect(foreignHost(undefined, undefined, [])).not.toBeNull();
    // A sandboxed frame or a file: page sends `Origin: null`: no host at all is not loopback.
    expect(foreignHost('127.0.0.1:4000', 'null', [])).toMatch(/^the Origin "null"/);
    expect(foreignHost('127.0.0.1.evil.example.com', undefined, [])).not.toBeNull();
  });
});
