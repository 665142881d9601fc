// The start process's watchdog: a small process of its own that outlives a start killed with SIGKILL (or
// crashed) and then stops what that start left running — the worker, the API, the Temporal dev server and
// PostgreSQL — so that nothing outlives it. It ends by itself when the start stops normally (its pid file goes).
// Usage: node scripts/watchdog.mjs <start pid> <data folder>
import { existsSync } from 'node:fs';
import { setInterval, clearInterval } from 'node:timers';
import path from 'node:path';
import { isAlive, stopLeftovers } from './leftovers.mjs';

const [pidArg, dataDir] = process.argv.slice(2);
const startPid = Number(pidArg);
const pidFile = path.join(dataDir, 'tiean.pid');
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => {}); // a Ctrl-C is the start's to handle

const timer = setInterval(async () => {
  if (!existsSync(pidFile)) process.exit(0); // stopped normally
  if (isAlive(startPid)) return;
  clearInterval(timer);
  await stopLeftovers(dataDir, (l) => console.error(`[watchdog] ${l}`), { except: [process.pid] });
  process.exit(0);
}, 500);
