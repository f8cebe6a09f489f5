import type { IncomingMessage, ServerResponse } from 'node:http';

type Next = (error?: unknown) => void;

function reject(
  res: ServerResponse,
  status: number,
  message: string,
  extensions: Record<string, unknown> = { code: 'BAD_USER_INPUT' },
): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ errors: [{ message, extensions }] }));
}

function tooLarge(res: ServerResponse, message: string, maxBytes: number): void {
  reject(res, 413, message, { code: 'PAYLOAD_TOO_LARGE', limit: 'GRAPHQL_MAX_BODY_BYTES', max: maxBytes });
}

/**
 * Reads JSON request bodies with a hard size limit: over it the request is answered 413
 * (PAYLOAD_TOO_LARGE, naming the setting) without keeping what follows; malformed JSON is answered
 * 400. Both as GraphQL-shaped errors.
 */
export function jsonBody(maxBytes: number) {
  return (req: IncomingMessage & { body?: unknown }, res: ServerResponse, next: Next): void => {
    const type = (req.headers['content-type'] ?? '').toLowerCase();
    if (req.method !== 'POST' || !type.includes('json')) return next();
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > maxBytes) {
      tooLarge(
        res,
        `the request body is ${declared} bytes; at most ${maxBytes} are accepted (GRAPHQL_MAX_BODY_BYTES)`,
        maxBytes,
      );
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > maxBytes) {
        done = true;
        tooLarge(res, `the request body exceeds ${maxBytes} bytes (GRAPHQL_MAX_BODY_BYTES)`, maxBytes);
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', (error) => {
      if (!done) {
        done = true;
        next(error);
      }
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        req.body = text.length === 0 ? {} : (JSON.parse(text) as unknown);
      } catch {
        reject(res, 400, 'the request body is not valid JSON');
        return;
      }
      next();
    });
  };
}
