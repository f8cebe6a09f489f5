/** `REQUIRE_INFRA=1` (CI) turns a missing service into a failed run instead of a loud skip. */
export function infraIsRequired(): boolean {
  return ['1', 'true', 'yes'].includes((process.env.REQUIRE_INFRA ?? '').toLowerCase());
}

/** Prints a visible notice for a suite that cannot run here, or throws under REQUIRE_INFRA. */
export function missingService(service: string, why: string): void {
  const message = `${service} is not available: ${why}`;
  if (infraIsRequired()) throw new Error(`${message} (REQUIRE_INFRA=1, so this fails the run)`);
  process.stderr.write(
    `\n*** SKIPPING ${service} tests: ${message}. Set REQUIRE_INFRA=1 to make this an error. ***\n\n`,
  );
}
