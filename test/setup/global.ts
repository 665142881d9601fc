// Once per test run: the tools (bootstrapped if missing), an embedded PostgreSQL with a migrated template
// database (each test file copies it: CREATE DATABASE … TEMPLATE), and one workflow bundle for all workers.
// Every lane with servers (workflow, api, e2e) names this setup; the lanes of one run share what it starts
// (kept on globalThis, as vitest may load this module once per lane), and the last lane to finish stops it.
import { bundleWorkflowCode } from '@temporalio/worker';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { projectRoot } from '../../platform/config.js';
import { bootstrap } from '../../scripts/bootstrap.js';
import { bundlerOptions } from '../../workers/worker.js';
import { startMigratedPostgres } from '../helpers/postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    templateDb: string;
    workflowBundlePath: string;
    temporalCli: string;
    testServer: string;
    schemathesis: string;
    chromium: string;
  }
}

interface Shared {
  pgAdminUrl: string;
  workflowBundlePath: string;
  tools: Awaited<ReturnType<typeof bootstrap>>;
  stop(): Promise<void>;
}
const KEY = Symbol.for('tiean.test.globalSetup');
const holder = globalThis as unknown as Record<
  symbol,
  { shared: Promise<Shared>; users: number } | undefined
>;

export default async function setup(project: TestProject) {
  const entry = (holder[KEY] ??= { shared: start(), users: 0 });
  entry.users++;
  const shared = await entry.shared;
  project.provide('pgAdminUrl', shared.pgAdminUrl);
  project.provide('templateDb', 'tiean_template');
  project.provide('workflowBundlePath', shared.workflowBundlePath);
  project.provide('temporalCli', shared.tools.temporalCli!);
  project.provide('testServer', shared.tools.testServer!);
  project.provide('schemathesis', shared.tools.schemathesis!);
  project.provide('chromium', shared.tools.chromium!);
  return async () => {
    if (--entry.users > 0) return;
    holder[KEY] = undefined;
    await shared.stop();
  };
}

async function start(): Promise<Shared> {
  const log = (l: string) => console.log(`[test setup] ${l}`);
  const tools = await bootstrap(log);
  const { pg, stop: stopPostgres } = await startMigratedPostgres('tiean-test', 'tiean_template');
  log(`PostgreSQL ${pg.url} (template migrated)`);

  const t0 = Date.now();
  const { code } = await bundleWorkflowCode({
    workflowsPath: path.join(projectRoot, 'test', 'fixtures', 'workflows.ts'),
    ...bundlerOptions,
    logger: {
      log() {},
      info() {},
      warn() {},
      error: (m: string) => console.error(m),
      debug() {},
      trace() {},
    },
  });
  const bundleDir = path.join(projectRoot, '.cache', 'test');
  mkdirSync(bundleDir, { recursive: true });
  const workflowBundlePath = path.join(bundleDir, `workflow-bundle-${process.pid}.js`);
  writeFileSync(workflowBundlePath, code);
  log(`workflow bundle in ${Date.now() - t0} ms`);

  return {
    pgAdminUrl: pg.adminUrl,
    workflowBundlePath,
    tools,
    async stop() {
      await stopPostgres();
      rmSync(workflowBundlePath, { force: true });
    },
  };
}
