// A loopback TCP proxy that misbehaves: refuses some connections, delays others, and cuts some in
// the middle of a transfer. Switch the chaos off to let things settle.
import { connect, createServer, type Socket } from 'node:net';

export interface ChaosProxy {
  url: string;
  chaos: boolean;
  readonly stats: { connections: number; reset: number; cut: number; delayed: number };
  close(): Promise<void>;
}

export async function startChaosProxy(targetPort: number, random: () => number): Promise<ChaosProxy> {
  const sockets = new Set<Socket>();
  const proxy: ChaosProxy = {
    url: '',
    chaos: true,
    stats: { connections: 0, reset: 0, cut: 0, delayed: 0 },
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  const server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => {});
    proxy.stats.connections++;
    const roll = random();
    if (proxy.chaos && roll < 0.15) {
      proxy.stats.reset++;
      client.resetAndDestroy();
      return;
    }
    const delay = proxy.chaos && roll < 0.35 ? 50 + random() * 500 : 0;
    if (delay) proxy.stats.delayed++;
    setTimeout(() => {
      const upstream = connect(targetPort, '127.0.0.1');
      sockets.add(upstream);
      upstream.on('close', () => sockets.delete(upstream));
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
      upstream.pipe(client);
      // Connections live across requests (keep-alive), so misbehave per request: some are cut before
      // they reach the hub, some after — the answer is lost either way.
      client.on('data', (chunk: Buffer) => {
        const r = random();
        if (proxy.chaos && r < 0.08) {
          proxy.stats.cut++;
          client.resetAndDestroy();
          upstream.destroy();
          return;
        }
        upstream.write(chunk);
        if (proxy.chaos && r > 0.92) {
          setTimeout(() => {
            proxy.stats.cut++;
            client.resetAndDestroy();
            upstream.destroy();
          }, random() * 50);
        }
      });
    }, delay);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  proxy.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return proxy;
}
