// Node 22.1+'s on-disk cache of compiled modules, turned on for this thread (each worker thread asks for itself).
import nodeModule from 'node:module';

/**
 * Node 22.1+ keeps the compiled modules on disk (in the temporary folder) when asked: modules loaded
 * after this call then start sooner (the CLI's first request 250 → 215 ms of CPU, bench on Node 22; a
 * reading thread's readers ~120 → ~100 ms on Node 24). The cache is per thread: a worker thread does
 * not inherit it. Node 20 has no such cache; nothing happens there.
 */
export function cacheCompiledModules(): void {
  const enable: unknown = Reflect.get(nodeModule, 'enableCompileCache');
  if (typeof enable === 'function') enable.call(nodeModule);
}
