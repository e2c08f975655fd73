// Maps whatever the transport threw (system errors, undici errors, the guard, the deadline) to a FetchOutcome failure.
import type { FetchOutcome } from '../types.js';

type Failure = Extract<FetchOutcome, { kind: 'failure' }>;
type FailureKind = Failure['failure'];

const BY_CODE: Record<string, FailureKind> = {
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  EAI_NONAME: 'dns',
  EAI_NODATA: 'dns',
  ECONNREFUSED: 'refused',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  ECONNABORTED: 'reset',
  UND_ERR_SOCKET: 'reset',
  UND_ERR_CLOSED: 'reset',
  ETIMEDOUT: 'timeout',
  E_DEADLINE: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  E_PRIVATE_ADDRESS: 'private-address',
  E_DECOMPRESSION: 'decompression',
  Z_DATA_ERROR: 'decompression',
  Z_BUF_ERROR: 'decompression',
  ERR_INVALID_URL: 'invalid-url',
};

/** TLS failures come with many codes (OpenSSL's and Node's); these prefixes and names cover them. */
function isTlsCode(code: string): boolean {
  return /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED|SELF_SIGNED_CERT|HOSTNAME_MISMATCH)/.test(code)
    || code === 'EPROTO';
}

function codeOf(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null || !('code' in err)) return undefined;
  return typeof err.code === 'string' ? err.code : undefined;
}

/** The error and its causes, outermost first (undici and AggregateError wrap the system error). */
function* chainOf(err: unknown): Generator<unknown> {
  for (let e: unknown = err, depth = 0; e !== undefined && e !== null && depth < 8; depth += 1) {
    yield e;
    if (e instanceof AggregateError) yield* e.errors;
    e = e instanceof Error ? e.cause : undefined;
  }
}

export function describeFailure(err: unknown): Failure {
  const message = err instanceof Error ? err.message : String(err);
  for (const e of chainOf(err)) {
    const code = codeOf(e);
    if (code === undefined) continue;
    const failure = BY_CODE[code] ?? (isTlsCode(code) ? 'tls' : undefined);
    if (failure) return { kind: 'failure', failure, message: e instanceof Error ? e.message : message, code };
  }
  const code = codeOf(err);
  return code === undefined ? { kind: 'failure', failure: 'other', message } : { kind: 'failure', failure: 'other', message, code };
}
