/**
 * Testcontainers is used only where Docker can actually get the image: when the image is already
 * present locally, or when `CODEMYSPEC_TESTCONTAINERS=1` says this machine can pull. A pull is
 * never attempted blindly (on a machine without registry access it would only hang).
 */
export async function testcontainersCanRun(image: string): Promise<boolean> {
  if (process.env.CODEMYSPEC_TESTCONTAINERS === '0') return false;
  try {
    const { default: Docker } = await import('dockerode');
    const docker = new Docker();
    await docker.ping();
    if (process.env.CODEMYSPEC_TESTCONTAINERS === '1') return true;
    await docker.getImage(image).inspect();
    return true;
  } catch {
    return false;
  }
}

export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
