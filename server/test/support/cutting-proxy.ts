import { connect, createServer, type Socket } from 'node:net';

/**
 * A TCP proxy in front of a PostgreSQL server that can cut one connection just before its COMMIT reaches the server,
 * as a network failing at that moment would: the server never hears the COMMIT (the transaction rolls back when its
 * backend finds the client gone), and the client waits for an answer on a connection that is closed under it.
 */
export interface CuttingProxy {
  port: number;
  /**
   * Arms the proxy: the next connection whose client sends `marker` (a statement's text) is cut when it then sends a
   * COMMIT, which is not passed on. Resolves once it is cut.
   */
  cutBeforeCommit(marker: string): Promise<void>;
  /** While true, new connections are closed at once (the server as if down). */
  refusing: boolean;
  close(): Promise<void>;
}

export async function startCuttingProxy(serverPort: number): Promise<CuttingProxy> {
  let armed: { marker: string; cut: () => void } | null = null;
  const sockets = new Set<Socket>();
  const proxy: CuttingProxy = {
    port: 0,
    refusing: false,
    cutBeforeCommit: (marker) =>
      new Promise((resolve) => {
        armed = { marker, cut: resolve };
      }),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };

  const server = createServer((client) => {
    if (proxy.refusing) {
      client.destroy();
      return;
    }
    const upstream = connect(serverPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    let marked = false;
    client.on('data', (chunk: Buffer) => {
      const cutting = armed;
      if (cutting && chunk.includes(cutting.marker)) marked = true;
      if (cutting && marked && chunk.includes('COMMIT')) {
        armed = null;
        client.destroy();
        upstream.destroy();
        cutting.cut();
        return;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  proxy.port = typeof address === 'object' && address ? address.port : 0;
  return proxy;
}
