// Starts a throwaway redis-server (Debian's package) on a free loopback port for a test file, and stops it.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface TestRedis {
  url: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
  /** Restarts the server on the same port (data is not kept: --save "" --appendonly no). */
  restart(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Resolves when this server says it accepts connections; rejects when it exits first (its port was
 * taken meanwhile: other suites on the machine pick free ports too) or after `ms`. Probing the port
 * instead could reach another suite's server on a port ours failed to bind.
 */
function ready(child: ChildProcess, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => finish(new Error(`redis-server was not ready within ${ms} ms:\n${log}`)), ms);
    const onData = (chunk: Buffer): void => {
      log += chunk.toString();
      if (/Ready to accept connections/.test(log)) finish();
    };
    const onExit = (): void => finish(new Error(`redis-server exited before it was ready:\n${log}`));
    function finish(error?: Error): void {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      child.stdout?.resume(); // keep draining its log so it never blocks on a full pipe
      if (error) reject(error);
      else resolve();
    }
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
  });
}

function launch(port: number, password?: string): ChildProcess {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'no'];
  if (password) args.push('--requirepass', password);
  return spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'ignore'] });
}

export async function startRedis(options: { password?: string } = {}): Promise<TestRedis> {
  // A port found free can be taken before redis-server binds it: then try another.
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    const child = launch(port, options.password);
    try {
      await ready(child, 60_000);
      return handleFor(port, child, options.password);
    } catch (error) {
      child.kill('SIGKILL');
      if (attempt === 5) throw error;
    }
  }
}

function handleFor(port: number, child: ChildProcess, password?: string): TestRedis {
  const auth = password ? `:${encodeURIComponent(password)}@` : '';
  const handle: TestRedis = {
    url: `redis://${auth}127.0.0.1:${port}`,
    port,
    process: child,
    async stop() {
      const child = handle.process;
      if (child.exitCode !== null || child.signalCode !== null) return;
      await new Promise<void>((resolve) => { child.once('exit', () => resolve()); child.kill('SIGKILL'); });
    },
    async restart() {
      await handle.stop();
      handle.process = launch(port, password);
      await ready(handle.process, 60_000);
    },
  };
  return handle;
}
