// The --queue URL: redis://[user:password@]host:port[/db] (rediss:// for TLS) → connection options; never printed with its password.
import { InputError } from '../errors.js';

export interface QueueConnection {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db?: number;
  tls?: Record<string, never>;
}

export interface QueueTarget {
  connection: QueueConnection;
  /** The URL as logs and reports may show it: the password replaced by `***`. */
  display: string;
}

const HINT = 'give the Redis server as redis://HOST:PORT (redis://:PASSWORD@HOST:PORT/DB, rediss:// for TLS)';

/** A password, in the URL or anywhere in a message, never reaches a log line. */
export function redactUrl(url: string): string {
  return url.replace(/([a-z][a-z0-9+.-]*:\/\/)([^@/\s]*)@/gi, (_m, scheme: string, auth: string) =>
    `${scheme}${auth.includes(':') ? `${auth.slice(0, auth.indexOf(':'))}:***` : '***'}@`);
}

export function parseQueueUrl(raw: string): QueueTarget {
  const shown = redactUrl(raw);
  if (!URL.canParse(raw)) throw new InputError(`--queue: not a URL: ${shown}`, HINT);
  const url = new URL(raw);
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new InputError(`--queue: ${shown} is not a redis:// URL`, HINT);
  }
  const port = url.port === '' ? 6379 : Number(url.port);
  const dbText = url.pathname.replace(/^\//, '');
  const db = dbText === '' ? undefined : Number(dbText);
  if (db !== undefined && (!Number.isInteger(db) || db < 0)) throw new InputError(`--queue: database "${dbText}" is not a number`, HINT);
  const connection: QueueConnection = {
    host: url.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1', port,
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(db !== undefined ? { db } : {}),
    ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
  };
  return { connection, display: redactUrl(url.href.replace(/\/$/, '')) };
}
