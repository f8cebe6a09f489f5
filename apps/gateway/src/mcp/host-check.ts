/** The loopback names: always allowed, whatever the port. */
const LOOPBACK = ['localhost', '127.0.0.1', '[::1]', '::1'];

function hostnameOf(value: string): string | null {
  try {
    return new URL(value.includes('://') ? value : `http://${value}`).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * DNS-rebinding protection for `/mcp` (as the MCP transport rules require): the `Host` header,
 * and the `Origin` header when a browser sends one, must name loopback or one of the allowed
 * hosts. `Origin: null` (a sandboxed frame, a `file:` page, a redirect across origins) names no
 * host at all and is refused like a foreign one. Returns why a request is refused, or null.
 */
export function foreignHost(
  host: string | undefined,
  origin: string | undefined,
  allowedHosts: readonly string[],
): string | null {
  const allowed = new Set([...LOOPBACK, ...allowedHosts.map((h) => h.toLowerCase())]);
  const hostname = host === undefined ? null : hostnameOf(host);
  if (hostname === null || !allowed.has(hostname))
    return `the Host header "${host ?? ''}" is not an allowed host of this server (set MCP_ALLOWED_HOSTS)`;
  if (origin !== undefined) {
    const originHost = hostnameOf(origin);
    if (originHost === null || !allowed.has(originHost))
      return `the Origin "${origin}" is not an allowed host of this server (set MCP_ALLOWED_HOSTS)`;
  }
  return null;
}
