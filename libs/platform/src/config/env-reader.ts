/** A bad or missing setting. Start-up stops with this message, which names the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** Typed readers over an environment; every value is validated once, at start-up. */
export function envReader(env: Env = process.env) {
  const raw = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  return {
    string(name: string, fallback?: string): string {
      const value = raw(name) ?? fallback;
      if (value === undefined) throw new ConfigError(name, 'is required');
      return value;
    },
    optionalString(name: string): string | undefined {
      return raw(name);
    },
    int(name: string, fallback: number, range: { min?: number; max?: number } = {}): number {
      const value = raw(name);
      if (value === undefined) return fallback;
      if (!/^-?\d+$/.test(value)) throw new ConfigError(name, `must be an integer, got "${value}"`);
      const parsed = Number(value);
      if (range.min !== undefined && parsed < range.min)
        throw new ConfigError(name, `must be at least ${range.min}, got ${parsed}`);
      if (range.max !== undefined && parsed > range.max)
        throw new ConfigError(name, `must be at most ${range.max}, got ${parsed}`);
      return parsed;
    },
    port(name: string, fallback: number): number {
      return this.int(name, fallback, { min: 0, max: 65535 });
    },
    bool(name: string, fallback: boolean): boolean {
      const value = raw(name)?.toLowerCase();
      if (value === undefined) return fallback;
      if (['1', 'true', 'yes', 'on'].includes(value)) return true;
      if (['0', 'false', 'no', 'off'].includes(value)) return false;
      throw new ConfigError(name, `must be true or false, got "${value}"`);
    },
    url(name: string, protocols: readonly string[]): string | undefined {
      const value = raw(name);
      if (value === undefined) return undefined;
      let parsed: URL;
      try {
        parsed = new URL(value);
      } catch {
        throw new ConfigError(name, 'must be a URL');
      }
      if (!protocols.includes(parsed.protocol))
        throw new ConfigError(name, `must use ${protocols.join(' or ')}, got ${parsed.protocol}`);
      return value;
    },
    /** A comma-separated list of URLs (instances of one service), each checked like `url`. */
    urls(name: string, protocols: readonly string[]): string[] | undefined {
      const items = this.list(name);
      for (const item of items ?? []) checkListedUrl(name, item, protocols);
      return items;
    },
    list(name: string): string[] | undefined {
      const value = raw(name);
      if (value === undefined) return undefined;
      const items = value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
      if (items.length === 0) throw new ConfigError(name, 'must list at least one value');
      return items;
    },
    oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
      const value = raw(name);
      if (value === undefined) return fallback;
      if (!(allowed as readonly string[]).includes(value))
        throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${value}"`);
      return value as T;
    },
  };
}

function checkListedUrl(name: string, item: string, protocols: readonly string[]): void {
  let parsed: URL;
  try {
    parsed = new URL(item);
  } catch {
    throw new ConfigError(name, `must list URLs, and "${item}" is not one`);
  }
  if (!protocols.includes(parsed.protocol))
    throw new ConfigError(name, `must use ${protocols.join(' or ')}, got ${parsed.protocol}`);
}
