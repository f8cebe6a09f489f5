/** A failure the CLI reports in one line and exits with (1: the operation failed; 2: usage). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
    readonly code: string | null = null,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export const usageError = (message: string) => new CliError(`${message} (see --help)`, 2);
