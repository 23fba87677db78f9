import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';

/**
 * Servers on 127.0.0.1 that a client must give up on at once: an https server whose certificate
 * nobody trusts, and a plain-http server reached with an https:// URL. Each counts the
 * connections it was offered, so a test can tell how many attempts the client made.
 */

const running: Server[] = [];

afterEach(async () => {
  await Promise.all(
    running.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    ),
  );
});

export interface OddServer {
  /** An https:// URL on 127.0.0.1. */
  url: string;
  /** Connections made to it so far: one per attempt of the client. */
  connections: () => number;
}

/** The committed test credential of test/fixtures/tls/: self-signed, trusted by nothing. */
const fixture = (name: string) => readFileSync(new URL(`../fixtures/tls/${name}`, import.meta.url));

export async function useUntrustedHttps(): Promise<OddServer> {
  const server = createHttpsServer(
    { key: fixture('key.pem'), cert: fixture('cert.pem') },
    (_, res) => res.end('{}'),
  );
  return listen(server);
}

export function usePlainHttpOnHttpsUrl(): Promise<OddServer> {
  return listen(createHttpServer((_, res) => res.end('{}')));
}

/**
 * Connections are counted as TCP accepts: a client that has seen the server's certificate (or
 * its non-TLS answer) was accepted first, so the count is complete when the client gives up.
 */
async function listen(server: Server): Promise<OddServer> {
  running.push(server);
  let connections = 0;
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `https://127.0.0.1:${port}`, connections: () => connections };
}
