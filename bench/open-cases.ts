// `npm run bench -- open-cases`: what open cases cost a worker. N cases (BENCH_CASES, default 10,000) are
// registered on the Temporal dev server and every other one (BENCH_FILED_EVERY) is filed, so it waits in investigation with its
// 90-day case clock (a case workflow and its phase's workflow each). The worker runs as its own process with the
// shipped configuration (or TIEAN_WORKER_CACHED_WORKFLOWS from the environment); its resident memory and the
// SDK's cache size are read as the cases arrive and once they all sleep. Then a sample of cases, most of them
// evicted from the cache, each take a command (evidence recorded), to show they are still served, and how fast.
import { buildApi } from '../api/server.js';
import { isWorkingDay } from '../domain/calendar/calendar.js';
import { createLogger } from '../platform/log.js';
import { addDays, chinaDateOf } from '../schema/values/dates.js';
import { builtinCalendar } from '../services/calendar/builtin.js';
import { calendarFromDb } from '../services/calendar/load.js';
import { matterCalendar } from '../domain/calendar/sources.js';
import { signIn } from '../test/helpers/api.js';
import { caseHandle, startCaseWorkflow } from '../test/helpers/case-client.js';
import { caseInput, head, officer1, team, TEAM_IDS } from '../test/helpers/cases.js';
import * as M from '../workflows/case/messages.js';
import { benchEngine, patiently, pct, pool } from './engine.js';

const N = Number(process.env.BENCH_CASES ?? 10_000);
// BENCH_CALENDAR=0: no calendar change after the cases are registered.
const CHECK_EVERY = Number(process.env.BENCH_CHECK_EVERY ?? Math.max(500, N / 10));
const SAMPLE = Number(process.env.BENCH_SAMPLE ?? 200);
/** A time budget for registering (minutes): the run goes on with as many cases as were registered by then. */
const BUDGET_MS = Number(process.env.BENCH_MINUTES ?? Infinity) * 60_000;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
/** Every FILED_EVERY-th case is filed (its investigation phase runs with the 90-day case clock). */
const FILED_EVERY = Number(process.env.BENCH_FILED_EVERY ?? 2);
const workerEnv: Record<string, string> = {};
if (process.env.TIEAN_WORKER_CACHED_WORKFLOWS)
  workerEnv.TIEAN_WORKER_CACHED_WORKFLOWS = process.env.TIEAN_WORKER_CACHED_WORKFLOWS;

const e = await benchEngine({ name: 'open-cases', workerEnv });
const cache = e.cfg.worker.cachedWorkflows;
const cacheShown = workerEnv.TIEAN_WORKER_CACHED_WORKFLOWS ?? `${cache} (the default)`;
console.log(`worker: workflow cache ${cacheShown}; idle RSS ${e.workerRssMiB().toFixed(0)} MiB`);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const today = chinaDateOf(Date.now());
/** Each case is given its calendar at registration, as the API gives it (its first phase loads none). */
const calendar = matterCalendar(await calendarFromDb(e.db), Number(today.slice(0, 4)));
const number = (i: number) => `DC-2026-${String(100_000 + i)}`;
/** Waits until the projection holds `n` cases (every registration's first step recorded). */
const projected = async (n: number) => {
  while ((await e.db.case.count()) < n) await sleep(250);
};

const t0 = Date.now();
/** Cases registered (all of 0 … started-1: each is taken in order, and the budget only stops later ones). */
let started = 0;
let sampled = 0;
console.log('\n  cases  workflows  cached  worker RSS  per case over idle  started/s');
const idle = e.workerRssMiB();
let lastAt = t0;
let lastN = 0;
await pool(
  Array.from({ length: N }, (_, i) => i),
  CONCURRENCY,
  async (i) => {
    if (Date.now() - t0 > BUDGET_MS) return;
    started++;
    const n = number(i);
    const h = await startCaseWorkflow(e.client, {
      taskQueue: e.taskQueue,
      workflowId: n,
      args: [{ ...caseInput(n, today), calendar }],
    });
    if (i % FILED_EVERY === FILED_EVERY - 1)
      await patiently(() =>
        h.executeUpdate(M.decideFilingUpdate, {
          updateId: `filing-${n}`,
          args: [{ actor: head, command: { decision: 'file', reasons: '有违法事实，符合立案条件' } }],
        }),
      );
    if ((i + 1) % CHECK_EVERY === 0 && i + 1 > sampled) {
      sampled = i + 1;
      const rss = e.workerRssMiB();
      const cached = await e.workerMetric('temporal_sticky_cache_size');
      const rate = (i + 1 - lastN) / ((Date.now() - lastAt) / 1000);
      [lastAt, lastN] = [Date.now(), i + 1];
      console.log(
        `${String(i + 1).padStart(7)}  ${String(2 * (i + 1)).padStart(9)}  ${String(cached).padStart(6)}  ${rss.toFixed(0).padStart(6)} MiB  ${(((rss - idle) * 1024) / (i + 1)).toFixed(1).padStart(10)} KiB  ${rate.toFixed(1).padStart(10)}`,
      );
    }
  },
);
const total = started;
await projected(total);
const filedCount = Math.floor(total / FILED_EVERY);
const startedIn = (Date.now() - t0) / 1000;
console.log(`\n${total} cases registered (${filedCount} filed) and projected in ${startedIn.toFixed(0)} s`);
await sleep(15_000);
const settled = e.workerRssMiB();
const cached = await e.workerMetric('temporal_sticky_cache_size');
console.log(
  `all asleep: worker RSS ${settled.toFixed(0)} MiB, ${cached} workflows cached, ${(((settled - idle) * 1024) / total).toFixed(1)} KiB per open case over the idle worker`,
);

// A command on cases chosen at random: most were evicted, so the worker replays their phase from history first.
const filed = Array.from({ length: filedCount }, (_, k) => number(FILED_EVERY * k + FILED_EVERY - 1));
const picks = Array.from({ length: SAMPLE }, () => filed[Math.floor(Math.random() * filed.length)]!);
const ms: number[] = [];
await pool([...new Set(picks)], 4, async (n) => {
  const t = performance.now();
  await patiently(() =>
    caseHandle(e.client, n).executeUpdate(M.recordEvidenceUpdate, {
      updateId: `evidence-${n}`,
      args: [
        {
          actor: officer1,
          team,
          command: {
            officers: TEAM_IDS,
            type: 'documentary',
            description: '进货台账复印件',
            collectedAt: new Date().toISOString(),
            place: '当事人经营场所',
            attachments: [],
          },
        },
      ],
    }),
  );
  ms.push(performance.now() - t);
});
const after = e.workerRssMiB();
console.log(
  `a command on ${ms.length} filed cases chosen at random: p50 ${pct(ms, 50).toFixed(0)} ms, p99 ${pct(ms, 99).toFixed(0)} ms; worker RSS after ${after.toFixed(0)} MiB`,
);

if (process.env.BENCH_CALENDAR === '0') {
  // The calendar change skipped (at 50,000 open cases it would take about an hour more).
  await e.stop();
  process.exit(0);
}

// A calendar change with N open cases: the administrator loads this year again with one more holiday, a working
// day inside every unfiled case's 15-WD filing period, through the API, which answers once the year is stored and
// has every open case recompute its deadlines in the background (a workflow); the time is until it is done.
// Meanwhile a supervisor reads the case list and case pages.
const api = await buildApi({
  cfg: { ...e.cfg, api: { ...e.cfg.api, rateLimits: { reads: 1e7, writes: 1e7, logins: 1e7 } } },
  db: e.db,
  temporal: e.client,
  log: createLogger('bench', { level: 'silent' }),
});
const { admin, supervisor1 } = await signIn(api, ['admin', 'supervisor1'], '10.9.1');
const cal = builtinCalendar();
const year = today.slice(0, 4);
let extra = addDays(today, 3);
while (!isWorkingDay(cal, extra)) extra = addDays(extra, 1);
const file = {
  year: Number(year),
  source: '基准测试：增加一天假日 (benchmark: one more holiday)',
  holidays: [
    ...Object.entries(cal.holidays)
      .filter(([d]) => d.startsWith(`${year}-`))
      .map(([d, name]) => ({ from: d, to: d, name })),
    { from: extra, to: extra, name: '基准测试假日' },
  ],
  workdays: Object.entries(cal.workdays)
    .filter(([d]) => d.startsWith(`${year}-`))
    .map(([date, name]) => ({ date, name })),
};
const dueBefore = await e.db.deadline.count({ where: { clock: 'filing', status: 'running' } });
const reads: { list: number[]; page: number[]; failed: number } = { list: [], page: [], failed: 0 };
let loading = true;
const reader = (async () => {
  while (loading) {
    for (const [url, into] of [
      ['/api/cases?status=open', reads.list],
      [`/api/cases/${filed[Math.floor(Math.random() * filed.length)]}`, reads.page],
    ] as const) {
      const t = performance.now();
      const r = await api.inject({ url, headers: { authorization: `Bearer ${supervisor1}` } });
      if (r.statusCode === 200) into.push(performance.now() - t);
      else reads.failed++;
    }
  }
})();
const tLoad = performance.now();
const loaded = await api.inject({
  method: 'POST',
  url: '/api/admin/calendar/years',
  headers: { authorization: `Bearer ${admin}` },
  payload: file,
});
const answeredSeconds = (performance.now() - tLoad) / 1000;
let answer = loaded.json().recompute;
while (loaded.statusCode === 202 && answer.status === 'running') {
  await new Promise((r) => setTimeout(r, 2000));
  const r = await api.inject({
    url: '/api/admin/calendar/recompute',
    headers: { authorization: `Bearer ${admin}` },
  });
  if (r.statusCode === 200) answer = r.json();
}
const loadSeconds = (performance.now() - tLoad) / 1000;
loading = false;
await reader;
console.log(
  `\ncalendar change (${extra} made a holiday) with ${total} open cases: answered ${loaded.statusCode} after ${answeredSeconds.toFixed(1)} s; ` +
    `recomputation ${answer.status} after ${loadSeconds.toFixed(1)} s: ${answer.casesDone} cases recomputed, ${answer.casesChanged} changed, ` +
    `${answer.deadlinesChanged} deadlines moved (${dueBefore} filing periods running), ${answer.casesNotRecomputed} not answered`,
);
console.log(
  `meanwhile: case list p50 ${pct(reads.list, 50).toFixed(0)} ms p99 ${pct(reads.list, 99).toFixed(0)} ms (${reads.list.length}); ` +
    `case page p50 ${pct(reads.page, 50).toFixed(0)} ms p99 ${pct(reads.page, 99).toFixed(0)} ms (${reads.page.length}); ${reads.failed} failed`,
);
await api.close();
await e.stop();
