import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * What a browser may do with anything the gateway serves: scripts, styles, fonts, images and
 * connections from this origin only (no inline script, no CDN), no plug-ins, no framing by
 * another site, no sniffing of content types, no referrer sent anywhere. The console and the
 * explorer are built to need nothing more (their Chromium tests fail on any refusal).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

/** Sets the security headers on every response of the gateway (pages, assets, API answers). */
export function securityHeaders(_req: IncomingMessage, res: ServerResponse, next: () => void): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  next();
}
