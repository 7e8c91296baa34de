import net, { type AddressInfo } from 'node:net';

/** A port nobody listens on now (the kernel picks it): servers started by tests, the bench and the cluster. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
