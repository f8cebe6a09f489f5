// eslint-disable-next-line no-restricted-syntax -- Jest loads global teardown through a default export.
export default async function globalTeardown(): Promise<void> {
  const infra = globalThis.__codemyspecTestInfra;
  globalThis.__codemyspecTestInfra = undefined;
  await infra?.kafka?.stop();
  await infra?.postgres.stop();
}
