// `npm run bench -- case-page`: the case page as the workbench reads it, `GET /api/cases/{n}` — the projection's
// row, deadlines and tasks from PostgreSQL and the live state from the case's workflow (a Query) — over N open
// cases (BENCH_CASES, default 200; half filed, so their investigation runs as a child workflow), by 1 and by 8
// clients at once. Real workflows on the time-skipping server with the real activities and PostgreSQL; the API in
// process. Reports p50/p99 and how many answers carried the live state (a Query that timed out gives none).
import { chinaDateOf } from '../schema/values/dates.js';
import { buildApi } from '../api/server.js';
import { loadConfig } from '../platform/config.js';
import { createLogger } from '../platform/log.js';
import { signIn } from '../test/helpers/api.js';
import { caseInput, head } from '../test/helpers/cases.js';
import { startCaseWorkflow } from '../test/helpers/case-client.js';
import { standaloneEngine } from '../test/helpers/standalone.js';
import * as M from '../workflows/case/messages.js';

const N = Number(process.env.BENCH_CASES ?? 200);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const TASK_QUEUE = 'bench-case-page';

const { db, env, worker, stop } = await standaloneEngine(TASK_QUEUE);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

await worker.runUntil(async () => {
  const t0 = Date.now();
  const today = chinaDateOf(await env.currentTimeMs());
  const numbers: string[] = [];
  for (let i = 0; i < N; i++) {
    const n = `DC-2026-${String(50_000 + i)}`;
    const h = await startCaseWorkflow(env.client, {
      taskQueue: TASK_QUEUE,
      workflowId: n,
      args: [caseInput(n, today)],
    });
    if (i % 2 === 0)
      await h.executeUpdate(M.decideFilingUpdate, {
        args: [{ actor: head, command: { decision: 'file', reasons: '有违法事实，符合立案条件' } }],
      });
    numbers.push(n);
  }
  while ((await db.case.count({ where: { number: { in: numbers } } })) < N)
    await new Promise((r) => setTimeout(r, 200));
  console.log(
    `${N} open cases started (${N / 2} filed) and projected: ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );

  // The API as configured, but for the per-user rate limit on reads (a measurement reads faster than a person).
  const app = await buildApi({
    cfg: loadConfig({ TIEAN_RATE_READS: '10000000' }),
    db,
    temporal: env.client,
    log: createLogger('bench', { level: 'silent' }),
  });
  const { supervisor1: token } = await signIn(app, ['supervisor1'], '10.9.0');
  const read = async () => {
    const n = numbers[Math.floor(Math.random() * numbers.length)]!;
    const t = performance.now();
    const r = await app.inject({ url: `/api/cases/${n}`, headers: { authorization: `Bearer ${token}` } });
    const ms = performance.now() - t;
    if (r.statusCode !== 200) throw new Error(`${n}: ${r.statusCode} ${r.body}`);
    return { ms, live: r.json().live !== null };
  };
  for (let i = 0; i < 20; i++) await read(); // warm-up
  console.log('\nGET /api/cases/{n}          p50       p99   with live state');
  for (const clients of [1, 8]) {
    const results: { ms: number; live: boolean }[] = [];
    await Promise.all(
      Array.from({ length: clients }, async () => {
        for (let i = 0; i < REQUESTS / clients; i++) results.push(await read());
      }),
    );
    const ms = results.map((r) => r.ms);
    const live = results.filter((r) => r.live).length;
    console.log(
      `${String(clients).padStart(2)} client(s)          ${pct(ms, 50).toFixed(1).padStart(7)}ms ${pct(ms, 99).toFixed(1).padStart(7)}ms   ${live}/${results.length}`,
    );
  }
  await app.close();
});
await stop();
