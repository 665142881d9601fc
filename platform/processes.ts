// Child processes that start and stop with us: output prefixed into our log, stopped with SIGTERM then SIGKILL.
// Each runs in a process group of its own, so that a Ctrl-C or a service manager's SIGTERM reaches only us and
// we stop the components in order (the worker before the server it talks to); if this process ends without
// stopping them, the exit handler below kills them.
import { spawn, type ChildProcess } from 'node:child_process';

const alive = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of alive) child.kill('SIGKILL');
});

export interface Managed {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  stop(timeoutMs?: number): Promise<void>;
}

export function startProcess(
  name: string,
  cmd: string,
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; cwd?: string; onLine?: (line: string) => void } = {},
): Managed {
  const child = spawn(cmd, args, {
    env: opts.env ?? process.env,
    cwd: opts.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  alive.add(child);
  const forward = (buf: Buffer) =>
    buf
      .toString()
      .split('\n')
      .filter((l) => l.trim())
      .forEach((l) => opts.onLine?.(l));
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      alive.delete(child);
      resolve(code);
    }),
  );
  child.once('error', (err) => opts.onLine?.(`failed to start ${cmd}: ${err.message}`));
  return {
    name,
    child,
    exited,
    async stop(timeoutMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** `port` on loopback if nothing listens there, else a free one the system picks. */
export async function portOrFree(port: number): Promise<number> {
  const { createServer } = await import('node:net');
  const tryListen = (p: number) =>
    new Promise<number | null>((resolve) => {
      const srv = createServer();
      srv.once('error', () => resolve(null));
      srv.listen(p, '127.0.0.1', () => {
        const got = (srv.address() as { port: number }).port;
        srv.close(() => resolve(got));
      });
    });
  return (await tryListen(port)) ?? (await tryListen(0))!;
}
