// `npm run bench -- commands`: the commands' latency and throughput at 1, 8 and 32 clients, side by side with
// the floor measured in the same run on the same Temporal dev server: a bare workflow started; a bare Update;
// an Update that runs one no-op activity. Tie'an's commands go through the API over HTTP (in this process, as
// `tiean api` runs it) to the worker (its own process, `tiean worker`), with PostgreSQL and SMTP:
// registering a clue (the case's workflow starts; "drained" is when the last case's first step is projected),
// the head's filing decision (an Update that ends the filing phase: the investigation phase starts) and recording
// evidence (an Update within the investigation phase, as most commands are). CPU per command is read from /proc for
// the worker, this process (the API and the clients) and the Temporal server.
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { createRequire } from 'node:module';
import { buildApi } from '../api/server.js';
import { createLogger } from '../platform/log.js';
import { DEMO_PASSWORD } from '../scripts/seed.js';
import { chinaDateOf } from '../schema/values/dates.js';
import { freePort } from '../test/helpers/ports.js';
import { bundlerOptions } from '../workers/worker.js';
import { benchEngine, cpuSeconds, pct, pool } from './engine.js';
import { bare, bumpUpdate, bumpWithActivityUpdate } from './floor-workflows.js';

const require = createRequire(import.meta.url);
const CLIENTS = (process.env.BENCH_CLIENTS ?? '1,8,32').split(',').map(Number);
/** Commands per client count: enough for a p99 at 1 client, and every client busy several times at 32. */
const OPS = (clients: number) => Number(process.env.BENCH_OPS ?? Math.max(60, clients * 8));
const FLOOR_QUEUE = 'bench-floor';

Runtime.install({ logger: new DefaultLogger('WARN') });
const e = await benchEngine({ name: 'commands' });
const api = await buildApi({
  cfg: { ...e.cfg, api: { ...e.cfg.api, rateLimits: { reads: 1e7, writes: 1e7, logins: 1e7 } } },
  db: e.db,
  temporal: e.client,
  log: createLogger('bench', { level: 'silent' }),
});
const port = await freePort();
await api.listen({ host: '127.0.0.1', port });
const base = `http://127.0.0.1:${port}`;
const token = async (username: string) => {
  const r = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  return ((await r.json()) as { token: string }).token;
};
const officer = await token('officer1');
const head = await token('head1');

// The floor: bare workflows on their own task queue, served by a worker in this process.
const floorConnection = await NativeConnection.connect({ address: e.cfg.temporal.address });
const floorWorker = await Worker.create({
  connection: floorConnection,
  taskQueue: FLOOR_QUEUE,
  workflowsPath: require.resolve('./floor-workflows.ts'),
  bundlerOptions: { webpackConfigHook: bundlerOptions!.webpackConfigHook },
  activities: { noop: async () => 1 },
});
const floor = new Client({ connection: await Connection.connect({ address: e.cfg.temporal.address }) });

const post = async (path: string, bearer: string, body: unknown, key: string) => {
  for (;;) {
    const r = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${bearer}`,
        'idempotency-key': key,
      },
      body: JSON.stringify(body),
    });
    const json = (await r.json()) as Record<string, unknown>;
    // A command sent while the case's first phase is still starting is answered 503: sent again with its key.
    if (r.status === 503) continue;
    if (r.status >= 300) throw new Error(`${path}: ${r.status} ${JSON.stringify(json)}`);
    return json;
  }
};

interface Run {
  ms: number[];
  seconds: number;
  cpu: { worker: number; api: number; temporal: number };
}
/** Runs `op` `n` times by `clients` at once: each latency, the wall time and the CPU used by each process. */
async function measure(clients: number, n: number, op: (i: number) => Promise<unknown>): Promise<Run> {
  const { worker, temporal } = e.pids();
  const before = { worker: cpuSeconds(worker), api: process.cpuUsage(), temporal: cpuSeconds(temporal) };
  const ms: number[] = [];
  const t0 = performance.now();
  await pool(
    Array.from({ length: n }, (_, i) => i),
    clients,
    async (i) => {
      const t = performance.now();
      await op(i);
      ms.push(performance.now() - t);
    },
  );
  const seconds = (performance.now() - t0) / 1000;
  const api = process.cpuUsage(before.api);
  return {
    ms,
    seconds,
    cpu: {
      worker: cpuSeconds(worker) - before.worker,
      api: (api.user + api.system) / 1e6,
      temporal: cpuSeconds(temporal) - before.temporal,
    },
  };
}

const rows: string[][] = [];
const row = (path: string, clients: number, r: Run, floorOf?: Run, extra = '') => {
  const p50 = pct(r.ms, 50);
  const perS = r.ms.length / r.seconds;
  const ratio = floorOf ? ` (${(p50 / pct(floorOf.ms, 50)).toFixed(1)}×)` : '';
  const cpuMs = (s: number) => ((s * 1000) / r.ms.length).toFixed(1);
  rows.push([
    path,
    String(clients),
    `${p50.toFixed(0)} ms${ratio}`,
    `${pct(r.ms, 99).toFixed(0)} ms`,
    `${perS.toFixed(1)}/s`,
    `${cpuMs(r.cpu.worker)} + ${cpuMs(r.cpu.api)} + ${cpuMs(r.cpu.temporal)}`,
    extra,
  ]);
  console.log(rows.at(-1)!.join(' | '));
};

const today = chinaDateOf(Date.now());
const clue = {
  source: 'own_inspection',
  respondent: { kind: 'organisation', name: '演示商贸有限公司', uscc: '91350100M000100Y43' },
  summary: '日常检查发现销售过期食品',
  discoveredOn: today,
};
let seq = 0;
console.log(
  'path | clients | p50 (× floor) | p99 | throughput | CPU ms per command: worker + API/clients + Temporal',
);
await floorWorker.runUntil(async () => {
  for (const clients of CLIENTS) {
    const n = OPS(clients);
    const round = seq++;
    const id = (i: number) => `floor-${round}-${i}`;
    // The floor: start, Update, Update with an activity.
    const start = await measure(clients, n, (i) =>
      floor.workflow.start(bare, { taskQueue: FLOOR_QUEUE, workflowId: id(i) }),
    );
    row('floor: workflow start', clients, start);
    const update = await measure(clients, n, (i) =>
      floor.workflow.getHandle(id(i)).executeUpdate(bumpUpdate),
    );
    row('floor: Update', clients, update);
    await measure(clients, n, (i) =>
      floor.workflow.start(bare, { taskQueue: FLOOR_QUEUE, workflowId: `${id(i)}-a` }),
    );
    const withActivity = await measure(clients, n, (i) =>
      floor.workflow.getHandle(`${id(i)}-a`).executeUpdate(bumpWithActivityUpdate),
    );
    row('floor: Update + activity', clients, withActivity);

    // Registering a clue: the API starts the case's workflow; drained when every case's first step is projected.
    const numbers: string[] = [];
    const register = await measure(clients, n, async (i) => {
      const r = await post('/api/clues', officer, clue, `register-${round}-${i}`);
      numbers.push(r.caseNumber as string);
    });
    // Drained: every new case's first step (its registration, with the filing deadline) is in the projection (the
    // API lists the case at once; the step is the workflow's).
    const drainStart = performance.now();
    const firstSteps = () =>
      e.db.auditEntry.count({ where: { caseNumber: { in: numbers }, action: 'clue.registered' } });
    while ((await firstSteps()) < n) await new Promise((r) => setTimeout(r, 100));
    const drained = (performance.now() - drainStart) / 1000;
    row('register a clue', clients, register, start, `drained ${drained.toFixed(1)} s after the last`);

    // The head's filing decision on each of those cases.
    const filing = await measure(clients, n, (i) =>
      post(
        `/api/cases/${numbers[i]}/filing-decision`,
        head,
        { decision: 'file', reasons: '有违法事实，符合立案条件' },
        `filing-${round}-${i}`,
      ),
    );
    row('filing decision', clients, filing, withActivity);

    // A command within a phase (most of a case's commands): two officers record a piece of evidence.
    const evidence = await measure(clients, n, (i) =>
      post(
        `/api/cases/${numbers[i]}/evidence`,
        officer,
        {
          officers: ['officer1', 'officer2'],
          type: 'documentary',
          description: '进货单据及库存记录',
          collectedAt: new Date().toISOString(),
          place: '当事人仓库',
        },
        `evidence-${round}-${i}`,
      ),
    );
    row('record evidence', clients, evidence, withActivity);
  }
});
console.log(
  '\n| path | clients | p50 (× floor) | p99 | throughput | CPU ms per command (worker + API + Temporal) | |',
);
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
await api.close();
await floorConnection.close();
await floor.connection.close();
await e.stop();
