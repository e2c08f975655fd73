// The benches' loopback web: many 127.1.x.y hosts, each one node:http server, counting requests in flight per host.
import http from 'node:http';

/** 127.1.a.b: distinct loopback addresses, so the per-host limiter sees distinct hostnames. */
export function hostIp(i: number): string {
  return `127.1.${Math.floor(i / 250)}.${(i % 250) + 1}`;
}

export interface LoopbackStats {
  hits: number;
  /** The most requests one host had in flight at once (server side). */
  maxPerHost: number;
  /** Date.now() when the first request arrived, or 0. */
  firstAt: number;
}

export type Handler = (host: number, req: http.IncomingMessage, res: http.ServerResponse) => void;

/** Starts `count` hosts; each answers through `handle` (which must end the response). */
export async function startLoopbackWeb(count: number, handle: Handler): Promise<{ addresses: string[]; stats: () => LoopbackStats; reset: () => void }> {
  const stats: LoopbackStats = { hits: 0, maxPerHost: 0, firstAt: 0 };
  const addresses: string[] = [];
  for (let i = 0; i < count; i += 1) {
    let inFlight = 0;
    const server = http.createServer((req, res) => {
      if (stats.hits === 0) stats.firstAt = Date.now();
      stats.hits += 1;
      inFlight += 1;
      stats.maxPerHost = Math.max(stats.maxPerHost, inFlight);
      let done = false;
      const finish = (): void => {
        if (!done) { done = true; inFlight -= 1; }
      };
      res.on('finish', finish).on('close', finish);
      handle(i, req, res);
    });
    server.keepAliveTimeout = 10_000;
    await new Promise<void>((resolve) => server.listen({ host: hostIp(i), port: 0, backlog: 1024 }, resolve));
    const info = server.address();
    addresses.push(`${hostIp(i)}:${typeof info === 'object' && info ? info.port : 0}`);
  }
  const reset = (): void => void Object.assign(stats, { hits: 0, maxPerHost: 0, firstAt: 0 });
  return { addresses, stats: () => ({ ...stats }), reset };
}
