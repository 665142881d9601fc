// The worker and the API as child processes of the start process (`tiean worker`, `tiean api`), each in a
// process group of its own: a child that dies is started again (after 1 s, then longer, at most 30 s apart), its
// pid is kept in the data folder's run/ so that the watchdog or the next start can stop it if this process is
// killed, and it is stopped with SIGTERM (SIGKILL after a grace period) when the system stops.
import path from 'node:path';
import { projectRoot } from '../platform/config.js';
import { startProcess, type Managed } from '../platform/processes.js';
import type { Running } from './components.js';
import { forgetPid, recordPid } from './leftovers.mjs';

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;
/** A child that ran this long before dying starts again at once (the back-off starts over). */
const HEALTHY_MS = 60_000;

export interface Supervised extends Running {
  /** How many times the child was started again after dying. */
  restarts(): number;
  pid(): number | undefined;
}

export async function supervise(opts: {
  name: string;
  /** The `tiean` command and its arguments. */
  args: string[];
  dataDir: string;
  env?: NodeJS.ProcessEnv;
  /** The line the child prints once it is ready. */
  ready: RegExp;
  say: (line: string) => void;
  onLine: (line: string) => void;
}): Promise<Supervised> {
  const { name, dataDir, say } = opts;
  let current: Managed | undefined;
  let stopping = false;
  let restarts = 0;
  let delay = FIRST_RETRY_MS;
  let timer: NodeJS.Timeout | undefined;

  const launch = (onReady?: () => void, onEarlyExit?: (code: number | null) => void) => {
    const startedAt = Date.now();
    let ready = false;
    const proc = startProcess(
      name,
      process.execPath,
      [path.join(projectRoot, 'bin', 'tiean.mjs'), ...opts.args],
      {
        env: opts.env,
        onLine: (l) => {
          opts.onLine(l);
          if (!ready && opts.ready.test(l)) {
            ready = true;
            onReady?.();
          }
        },
      },
    );
    current = proc;
    if (proc.child.pid) recordPid(dataDir, name, proc.child.pid);
    void proc.exited.then((code) => {
      forgetPid(dataDir, name);
      if (stopping) return;
      if (!ready && onEarlyExit) return onEarlyExit(code);
      if (Date.now() - startedAt > HEALTHY_MS) delay = FIRST_RETRY_MS;
      say(`${name} exited (code ${code}); starting it again in ${delay / 1000} s`);
      timer = setTimeout(() => {
        restarts++;
        launch(() => say(`${name} is running again (restart ${restarts})`));
      }, delay);
      delay = Math.min(delay * 2, MAX_RETRY_MS);
    });
  };

  await new Promise<void>((resolve, reject) =>
    launch(resolve, (code) =>
      reject(new Error(`${name} exited (code ${code}) before it was ready; see its log`)),
    ),
  );
  return {
    name,
    restarts: () => restarts,
    pid: () => current?.child.pid,
    async stop() {
      stopping = true;
      clearTimeout(timer);
      await current?.stop(15_000);
      forgetPid(dataDir, name);
    },
  };
}
