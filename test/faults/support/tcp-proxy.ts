import net from 'node:net';

/**
 * A TCP proxy in front of a database that a test can break, the way databases break:
 * - `cut()`: every connection through it is closed and new ones are refused (the port is closed),
 *   as when the database server is down;
 * - `stall()`: connections stay open, new ones are accepted, and nothing passes either way, as
 *   when the server hangs (or the network drops packets);
 * - `strand()`: the connections open now go silent for good (neither closed nor answered, as when a
 *   firewall or a failover forgets them), while new connections pass;
 * - `restore()`: the same port open again, stalled traffic flowing again.
 */
export interface TcpProxy {
  port: number;
  /** The target URL rewritten to go through the proxy. */
  url: string;
  cut(): Promise<void>;
  stall(): void;
  strand(): void;
  restore(): Promise<void>;
  close(): Promise<void>;
}

interface Link {
  client: net.Socket;
  upstream: net.Socket | null;
}

export async function startTcpProxy(targetUrl: string): Promise<TcpProxy> {
  const target = new URL(targetUrl);
  const targetPort = Number(target.port || 5432);
  const links = new Set<Link>();
  /** Links `strand()` left silent: never flowing again, closed only with the proxy. */
  const stranded = new Set<Link>();
  let stalled = false;

  const drop = (link: Link) => {
    link.client.destroy();
    link.upstream?.destroy();
    links.delete(link);
    stranded.delete(link);
  };
  const flow = (link: Link) => {
    if (!link.upstream) {
      const upstream = net.connect(targetPort, target.hostname);
      link.upstream = upstream;
      upstream.on('error', () => drop(link)).on('close', () => drop(link));
    }
    link.client.pipe(link.upstream);
    link.upstream.pipe(link.client);
  };
  const halt = (link: Link) => {
    link.client.unpipe();
    link.upstream?.unpipe();
    link.client.pause();
    link.upstream?.pause();
  };

  const server = net.createServer((client) => {
    const link: Link = { client, upstream: null };
    links.add(link);
    client.on('error', () => drop(link)).on('close', () => drop(link));
    if (stalled) client.pause();
    else flow(link);
  });
  const listen = (port: number) => new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  await listen(0);
  const port = (server.address() as net.AddressInfo).port;
  const url = new URL(targetUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  const closeListener = () => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
  const dropAll = () => {
    for (const link of [...links, ...stranded]) drop(link);
    stranded.clear();
  };
  return {
    port,
    url: url.toString(),
    async cut() {
      const closed = closeListener();
      dropAll();
      await closed;
    },
    stall() {
      stalled = true;
      for (const link of links) halt(link);
    },
    strand() {
      for (const link of links) {
        halt(link);
        stranded.add(link);
      }
      links.clear();
    },
    async restore() {
      if (stalled) {
        stalled = false;
        for (const link of links) flow(link);
      }
      if (!server.listening) await listen(port);
    },
    async close() {
      const closed = closeListener();
      dropAll();
      await closed;
    },
  };
}
