// What the bundled CLI takes from undici (Agent, buildConnector, request): scripts/bundle.mjs resolves `undici`
// to this file. undici's own index.js also loads fetch, WebSocket, EventSource, the cache, the mocks and the
// cookies (which load Node's built-in copy of undici too): ~20 ms of CPU before the first request.
// The library (dist/index.js, written by tsc) and the tests import undici itself.
import Agent from 'undici/lib/dispatcher/agent.js';
import Dispatcher from 'undici/lib/dispatcher/dispatcher.js';
import api from 'undici/lib/api/index.js';
import buildConnector from 'undici/lib/core/connect.js';

// As undici's index.js does: request, stream, pipeline, … become methods of every dispatcher.
Object.assign(Dispatcher.prototype, api);

/** undici's `request(url, options)` for what citecheck passes: an absolute URL and always a dispatcher. */
function request(url, options) {
  const { dispatcher, ...rest } = options;
  if (!dispatcher) throw new TypeError('citecheck passes a dispatcher to every request');
  const target = new URL(url);
  return dispatcher.request({ ...rest, origin: target.origin, path: `${target.pathname}${target.search}`, method: rest.method ?? 'GET' });
}

export { Agent, buildConnector, request };
