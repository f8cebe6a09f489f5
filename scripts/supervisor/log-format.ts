import { prettyFactory } from 'pino-pretty';

export type LogFormat = 'pretty' | 'json';

/**
 * How `npm start` shows the services' logs: readable lines on a terminal (time, level, service,
 * message, the GraphQL operation, status and duration of a request), the services' JSON lines as
 * they are otherwise or with LOG_FORMAT=json.
 */
export function logFormatFor(env: NodeJS.ProcessEnv, isTTY: boolean): LogFormat {
  if (env.LOG_FORMAT === 'json') return 'json';
  if (env.LOG_FORMAT === 'pretty') return 'pretty';
  return isTTY ? 'pretty' : 'json';
}

/** Formats one line a service wrote: pino JSON made readable in `pretty`, anything else as it is. */
export function serviceLineFormatter(
  format: LogFormat,
  colorize: boolean,
): (service: string, line: string) => string {
  if (format === 'json') return (service, line) => `[${service}] ${line}`;
  const pretty = prettyFactory({
    colorize,
    translateTime: 'SYS:HH:MM:ss',
    singleLine: true,
    messageFormat:
      '{service} {if context}[{context}] {end}{msg}{if operation} · {operation}{end}{if res.statusCode} · {res.statusCode}{end}{if responseTime} · {responseTime} ms{end}',
    ignore: 'pid,hostname,service,context,operation,req,res,responseTime,correlationId',
  });
  return (service, line) => {
    if (!line.startsWith('{')) return `[${service}] ${line}`;
    try {
      JSON.parse(line);
    } catch {
      return `[${service}] ${line}`;
    }
    return pretty(line).replace(/\n$/, '');
  };
}
