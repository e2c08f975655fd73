// Opening the queue: a coordinator fails fast with one line when Redis is not there; workers keep retrying.
import type { ConnectionOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { InputError } from '../errors.js';
import type { QueueTarget } from './redis-url.js';

/** Options for BullMQ's own connections (workers must not give up on a request: maxRetriesPerRequest null). */
export function bullConnection(target: QueueTarget, role: 'coordinator' | 'worker'): ConnectionOptions {
  return {
    ...target.connection,
    maxRetriesPerRequest: null,
    connectTimeout: 10_000,
    // Backoff up to 5 s between reconnects; the coordinator watches the connection itself (see checkQueue).
    retryStrategy: (times: number) => Math.min(200 * 2 ** Math.min(times, 5), 5_000),
    ...(role === 'coordinator' ? { enableOfflineQueue: true } : {}),
  };
}

/** PINGs the server once with a short deadline: a missing or refusing Redis is bad input (exit 2). */
export async function checkQueue(target: QueueTarget, what = 'reach'): Promise<void> {
  const client = new Redis({
    ...target.connection, lazyConnect: true, connectTimeout: 15_000, maxRetriesPerRequest: 0,
    enableOfflineQueue: false, retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    throw new InputError(`cannot ${what} the job queue at ${target.display}: ${describe(error)}`,
      'start redis-server there (or check --queue); a run that was under way continues with --resume RUN_ID');
  } finally {
    client.disconnect();
  }
}

/** ECONNREFUSED / NOAUTH / … without the stack, and never with the password. */
export function describe(error: unknown): string {
  const e = error instanceof Error ? error : new Error(String(error));
  // ioredis's words for "the server went away" are about its internals; say what happened.
  if (/Stream isn't writeable|Connection is closed|ECONNRESET|ECONNREFUSED/.test(e.message)) {
    return `the connection was closed or refused (${e.message.includes('ECONNREFUSED') ? 'ECONNREFUSED' : 'Redis stopped or restarted'})`;
  }
  const code = 'code' in e && typeof e.code === 'string' ? e.code : '';
  const message = e.message.replace(/rediss?:\/\/[^\s]*@/g, 'redis://***@');
  return code && !message.includes(code) ? `${code} ${message}` : message;
}
