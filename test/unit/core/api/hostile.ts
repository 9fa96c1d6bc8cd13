/**
 * Small hostile servers on loopback, for what the sandbox will not do: answers that
 * drip, never end, are huge, redirect, do not decompress or are not HTTP at all.
 * Each records what it was asked and notices when the client closed its sockets.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: IncomingMessage['headers'];
}

export interface Hostile {
  url: string;
  requests: SeenRequest[];
  /** Resolves once a connection the client opened has closed. */
  closed(): Promise<void>;
  close(): Promise<void>;
}

function track(server: { on(event: 'connection', listener: (socket: Socket) => void): unknown }): { sockets: Set<Socket>; closed: () => Promise<void> } {
  const sockets = new Set<Socket>();
  let waiters: Array<() => void> = [];
  let closedCount = 0;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      closedCount++;
      for (const w of waiters) w();
      waiters = [];
    });
  });
  return {
    sockets,
    closed: () => (closedCount > 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
  };
}

async function listen(server: { listen(port: number, host: string, cb: () => void): unknown; address(): AddressInfo | string | null }): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** An HTTP server answering every request with `handler`. */
export async function startHostile(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Hostile> {
  const requests: SeenRequest[] = [];
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    req.resume();
    handler(req, res);
  });
  const { sockets, closed } = track(server);
  const port = await listen(server);
  const hostile: Hostile = {
    url: `http://127.0.0.1:${port}`,
    requests,
    closed,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  return hostile;
}

/** A TCP server that writes `reply` to every connection: for answers that are not HTTP. */
export async function startRaw(reply: string): Promise<Hostile & { connections: () => number }> {
  let connections = 0;
  const server: TcpServer = createTcpServer((socket) => {
    connections++;
    socket.once('data', () => socket.end(reply));
    socket.on('error', () => undefined);
  });
  const { sockets, closed } = track(server);
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}`,
    requests: [],
    connections: () => connections,
    closed,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Writes one byte of `chunk` every `everyMs` until the client goes away. */
export function drip(res: ServerResponse, everyMs: number, chunk = ' '): void {
  const timer = setInterval(() => res.write(chunk), everyMs);
  res.on('close', () => clearInterval(timer));
}

/** Writes 1 MB chunks as fast as the client takes them, until it goes away; resolves with the bytes written. */
export function flood(res: ServerResponse): Promise<number> {
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  let written = 0;
  return new Promise((resolve) => {
    const pump = (): void => {
      while (!res.destroyed && res.writable) {
        written += chunk.length;
        if (!res.write(chunk)) {
          res.once('drain', pump);
          return;
        }
      }
    };
    res.on('close', () => resolve(written));
    pump();
  });
}

/** One success envelope, as the service sends it. */
export function envelope(data: unknown): string {
  return JSON.stringify({ data, status: true, error_code: 0 });
}

export const PNG_BYTES = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
