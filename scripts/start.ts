// `npm start`: the whole system on one machine. Checks the configuration, takes the data folder, installs what is
// missing (with progress output), and only then loads the system (`scripts/system.ts`), which needs what the
// bootstrap generates. Nothing imported here may need a generated or installed artefact: a test walks this
// file's static imports to keep it so.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, type Config } from '../platform/config.js';
import { bootstrap } from './bootstrap.js';
import { stopLeftovers } from './leftovers.mjs';

const say = (l: string) => console.log(`[start] ${l}`);

function lockDataDir(cfg: Config): () => void {
  const pidFile = path.join(cfg.dataDir, 'tiean.pid');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8'));
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = pid !== process.pid;
    } catch {
      alive = false;
    }
    if (alive)
      throw new Error(
        `Tie'an is already running on ${cfg.dataDir} (pid ${pid}): stop it first (Ctrl-C in its terminal, or kill ${pid}). ` +
          `铁案已在运行，请先停止。`,
      );
  }
  writeFileSync(pidFile, String(process.pid));
  return () => rmSync(pidFile, { force: true });
}

export async function main(): Promise<void> {
  const t0 = Date.now();
  let cfg: Config;
  let unlock: () => void;
  try {
    cfg = loadConfig();
    mkdirSync(cfg.dataDir, { recursive: true });
    unlock = lockDataDir(cfg);
  } catch (err) {
    console.error(err instanceof ConfigError || err instanceof Error ? err.message : err);
    process.exit(1);
  }
  say(`data folder ${cfg.dataDir}`);
  // An earlier start killed without stopping its children (kill -9, a crash, a power cut) may have left them.
  await stopLeftovers(cfg.dataDir, say, { except: [process.pid] });
  let tools;
  try {
    tools = await bootstrap((l) => say(l), {
      temporalCli: cfg.temporal.embedded,
      testServer: false,
      schemathesis: false,
    });
  } catch (err) {
    console.error(`[start] failed: ${err instanceof Error ? err.message : String(err)}`);
    unlock();
    process.exit(1);
  }
  const { runSystem } = await import('./system.js');
  await runSystem(cfg, tools, t0, unlock);
}
