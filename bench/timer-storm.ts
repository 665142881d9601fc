// `npm run bench -- timer-storm`: a timer storm. N statutory clocks (BENCH_CLOCKS, default 10,000), one per
// workflow (bench/storm-workflows.ts), all due at the same instant, as every day period due on a day runs out at
// the same 00:00 China time. Real Temporal timers on the Temporal dev server, the production clock primitive and
// hook, and the real notification path: each clock's overdue step is projected (case row, deadline, audit entry)
// and its e-mail goes through the outbox to the SMTP server. The workflows run on a worker of their own, as its
// own process with the production worker's options (bench/storm-worker.ts), on task queue `bench-storm`.
//
// The start rate is measured first on a few clocks due much later (then terminated); the due instant is set from
// it so that every clock is armed before it (BENCH_LEAD_S sets the lead instead). The floor comes next, in the same
// run and on the same worker: N bare workflows asleep on a timer until one instant, then one no-op local activity
// (BENCH_FLOOR=0 leaves it out); what Temporal alone needs for a storm of that size. Then the storm; it measures: the events
// fired (exactly one per clock, counted in PostgreSQL: audit entries, deadlines, outbox rows, and the e-mails in
// the SMTP server's folder), each event's lateness (the workflow's time when its timer woke it, recorded with its
// audit entry, minus the due instant), when the last e-mail was in the outbox and delivered, and the worker's CPU
// and memory. It exits non-zero if any clock fired twice or never, any e-mail is missing or went twice, or a
// clock was armed after its due instant (the lateness would mean nothing).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadCalendarActivity } from '../services/calendar/load.js';
import { projectRoot } from '../platform/config.js';
import { startProcess } from '../platform/processes.js';
import { chinaDateOf } from '../schema/values/dates.js';
import { freePort } from '../test/helpers/ports.js';
import { benchEngine, cpuSeconds, pct, pool } from './engine.js';
import { bareTimer, STORM_CLOCK, stormClock, type StormClockInput } from './storm-workflows.js';

const N = Number(process.env.BENCH_CLOCKS ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_START_CONCURRENCY ?? 16);
/** Clocks started (due an hour later, then terminated) to measure the start rate before the storm. */
const CALIBRATE = Math.min(N, Number(process.env.BENCH_CALIBRATE ?? 200));
/** Seconds of lead on top of twice the time the starts are expected to take (the first workflow tasks lag the
 * starts under load, and every clock is checked to be armed). */
const MARGIN_S = Number(process.env.BENCH_MARGIN_S ?? 60);
/** How long after the due instant the benchmark waits for every event and e-mail before it gives up. */
const TIMEOUT_S = Number(process.env.BENCH_TIMEOUT_S ?? Math.max(600, N));
const TARGET_S = 60;
/** BENCH_FLOOR=0: no floor storm (bare timers) before the product's. */
const FLOOR = process.env.BENCH_FLOOR !== '0';
const QUEUE = 'bench-storm';
const UNIT = 'dc';
const number = (i: number) => `STORM-${String(i + 1).padStart(6, '0')}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const stamp = (ms: number) => new Date(ms).toISOString();
/** CPU seconds over a storm, as milliseconds per clock fired. */
const perFiring = (cpuS: number) => `${((cpuS * 1000) / N).toFixed(1)} ms`;

// What the Temporal server and the workers complain of (timeouts under load, retries): counted by message and
// phase, and summed up at the end, rather than printed line by line (a storm makes tens of thousands).
let phase = 'start';
const complaints = new Map<string, number>();
const complain = (source: string, line: string) => {
  // eslint-disable-next-line no-control-regex -- the SDK's log lines carry terminal colours
  const plain = line.replace(/\x1b\[[0-9;]*m/g, '');
  const what =
    /msg="([^"]*)"/.exec(plain)?.[1] ??
    /(?:WARN|ERROR)\s+\S+:\s*(.{0,60})/.exec(plain)?.[1] ??
    plain.slice(0, 60);
  const task = /queue-task-type=(\w+)/.exec(plain)?.[1];
  const error = /error="([^":]{0,40})/.exec(plain)?.[1];
  const key = `${phase}: [${source}] ${what}${task ? ` (${task})` : ''}${error ? `: ${error}` : ''}`;
  complaints.set(key, (complaints.get(key) ?? 0) + 1);
};

const e = await benchEngine({ name: 'timer-storm', onError: complain });
let failed = false;
const fail = (why: string) => {
  failed = true;
  console.error(`FAILED: ${why}`);
};

// The storm's worker: its own process, with the engine's PostgreSQL, SMTP and Temporal.
const metrics = `127.0.0.1:${await freePort()}`;
const cached = process.env.TIEAN_WORKER_CACHED_WORKFLOWS;
let ready: () => void;
const started = new Promise<void>((r) => (ready = r));
const worker = startProcess(
  'storm-worker',
  process.execPath,
  [
    // BENCH_STORM_WORKER_NODE_ARGS: e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile the storm's worker.
    ...(process.env.BENCH_STORM_WORKER_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
    '--import',
    'tsx',
    path.join(projectRoot, 'bench', 'storm-worker.ts'),
  ],
  {
    cwd: projectRoot,
    env: {
      ...process.env,
      TIEAN_DATA_DIR: e.cfg.dataDir,
      DATABASE_URL: e.cfg.database.url,
      SMTP_URL: e.cfg.smtp.url,
      TEMPORAL_ADDRESS: e.cfg.temporal.address,
      TEMPORAL_NAMESPACE: e.cfg.temporal.namespace,
      TEMPORAL_TASK_QUEUE: QUEUE,
      TIEAN_WORKER_METRICS_ADDRESS: metrics,
      LOG_LEVEL: 'warn',
      ...(cached ? { TIEAN_WORKER_CACHED_WORKFLOWS: cached } : {}),
    },
    onLine: (l) => (/storm worker running/.test(l) ? ready() : complain('storm worker', l)),
  },
);
await Promise.race([
  started,
  worker.exited.then((code) => {
    throw new Error(`the storm worker exited (code ${code}) before it was ready`);
  }),
]);
const workerPid = worker.child.pid!;
const tree = (pid: number): number[] => [
  pid,
  ...readdirSync(`/proc/${pid}/task`).flatMap((t) => {
    try {
      const c = readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim();
      return c ? c.split(/\s+/).flatMap((k) => tree(Number(k))) : [];
    } catch {
      return [];
    }
  }),
];
const workerRss = () =>
  tree(workerPid).reduce(
    (sum, p) => sum + Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0),
    0,
  ) / 1024;
const workerMetric = async (name: string) => {
  const text = await (await fetch(`http://${metrics}/metrics`)).text();
  return text
    .split('\n')
    .filter((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `))
    .reduce((sum, l) => sum + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
};

/** Started is not armed: a clock's timer exists once its workflow's first task is done (no workflow task pending,
 * the timer in its history). Every clock must be armed before the due instant, else the storm is not one. */
async function armAll(ids: string[], dueAt: number): Promise<void> {
  let unarmed = ids;
  for (;;) {
    const still: string[] = [];
    await pool(unarmed, 8, async (id) => {
      const d = await e.client.workflow.getHandle(id).describe();
      if (d.raw.pendingWorkflowTask || d.historyLength < 5) still.push(id);
    });
    unarmed = still;
    if (!unarmed.length) return;
    console.log(
      `  ${ids.length - unarmed.length} of ${ids.length} armed, ${s(dueAt - Date.now())} before due`,
    );
    if (Date.now() > dueAt - 5000)
      throw new Error(
        `${unarmed.length} clocks not armed 5 s before the due instant: give more lead (BENCH_LEAD_S)`,
      );
    await sleep(2000);
  }
}

interface Floor {
  /** Each bare workflow's close time minus the due instant (ms). */
  done: number[];
  cpu: { worker: number; temporal: number };
}

/** The floor, in the same run: N bare workflows (bench/storm-workflows.ts bareTimer) on the same worker, each
 * asleep on a Temporal timer until one instant, then one no-op local activity, then done. */
async function floorStorm(lead: number): Promise<Floor> {
  phase = 'floor';
  const ids = Array.from({ length: N }, (_, i) => `FLOOR-${String(i + 1).padStart(6, '0')}`);
  const dueAt = Math.ceil((Date.now() + lead * 1000) / 1000) * 1000;
  console.log(`floor: ${N} bare timers (a timer, a no-op local activity, done), all due at ${stamp(dueAt)}`);
  const t0 = Date.now();
  await pool(ids, CONCURRENCY, async (id) => {
    await e.client.workflow.start(bareTimer, { taskQueue: QUEUE, workflowId: id, args: [dueAt] });
  });
  const startRate = N / ((Date.now() - t0) / 1000);
  await armAll(ids, dueAt);
  console.log(`  all armed ${s(dueAt - Date.now())} before due; started ${startRate.toFixed(1)}/s`);
  await sleep(Math.max(0, dueAt - 1000 - Date.now()));
  const cpu0 = { worker: cpuSeconds(workerPid), temporal: cpuSeconds(e.pids().temporal) };
  for (let last = 0; ;) {
    const closed = (
      await e.client.workflow.count(`WorkflowType = 'bareTimer' AND ExecutionStatus = 'Completed'`)
    ).count;
    if (closed >= N) break;
    if (Date.now() - dueAt > TIMEOUT_S * 1000) {
      fail(`floor: only ${closed} of ${N} bare timers done ${TIMEOUT_S} s after their due instant`);
      break;
    }
    if (Date.now() - last >= 5000) {
      last = Date.now();
      console.log(`  due +${s(Date.now() - dueAt).padStart(7)}: ${closed} done`);
    }
    await sleep(250);
  }
  const cpu1 = { worker: cpuSeconds(workerPid), temporal: cpuSeconds(e.pids().temporal) };
  const done: number[] = [];
  for await (const w of e.client.workflow.list({ query: `WorkflowType = 'bareTimer'` }))
    if (w.closeTime) done.push(w.closeTime.getTime() - dueAt);
  const cpu = { worker: cpu1.worker - cpu0.worker, temporal: cpu1.temporal - cpu0.temporal };
  console.log(
    `floor: ${done.length} of ${N} done; close − due p50 ${s(pct(done, 50))}, p99 ${s(pct(done, 99))}, ` +
      `last ${s(Math.max(...done))}; CPU per firing: worker ${perFiring(cpu.worker)}, ` +
      `Temporal server ${perFiring(cpu.temporal)}\n`,
  );
  return { done, cpu };
}

try {
  const calendarYear = Number(chinaDateOf(Date.now()).slice(0, 4));
  const calendar = await loadCalendarActivity(e.db)({ fromYear: calendarYear, toYear: calendarYear + 5 });
  const input = (num: string, dueAt: number): StormClockInput => ({
    number: num,
    unitId: UNIT,
    dueAt,
    calendar,
  });
  const start = (num: string, dueAt: number) =>
    e.client.workflow.start(stormClock, { taskQueue: QUEUE, workflowId: num, args: [input(num, dueAt)] });

  // The start rate, measured on clocks due an hour later (terminated at once: they never fire).
  const cal = Array.from({ length: CALIBRATE }, (_, i) => `CALIB-${String(i + 1).padStart(6, '0')}`);
  const t0 = Date.now();
  await pool(cal, CONCURRENCY, (num) => start(num, Date.now() + 3_600_000).then(() => undefined));
  const calRate = CALIBRATE / ((Date.now() - t0) / 1000);
  await pool(cal, CONCURRENCY, async (num) => {
    await e.client.workflow.getHandle(num).terminate('calibration');
  });

  // The matters exist before their clocks run out (as a case and its deadline do): the overdue step updates them.
  const lead = Number(process.env.BENCH_LEAD_S ?? Math.ceil((N / calRate) * 2 + MARGIN_S));
  const floor = FLOOR ? await floorStorm(lead) : undefined;
  phase = 'start';
  const dueAt = Math.ceil((Date.now() + lead * 1000) / 1000) * 1000;
  const dueOn = chinaDateOf(dueAt);
  const startedAt = dueAt - STORM_CLOCK.length * 3_600_000;
  const numbers = Array.from({ length: N }, (_, i) => number(i));
  const now = new Date();
  for (let k = 0; k < N; k += 1000) {
    const chunk = numbers.slice(k, k + 1000);
    await e.db.case.createMany({
      data: chunk.map((n) => ({
        number: n,
        unitId: UNIT,
        stage: 'investigation',
        status: 'open',
        source: 'own_inspection',
        respondent: { kind: 'organisation', name: '基准测试商贸有限公司', uscc: '91350100M000100Y43' },
        summary: '计时器风暴基准测试 timer-storm benchmark',
        discoveredOn: chinaDateOf(startedAt),
        nextDueOn: dueOn,
        nextDueAt: new Date(dueAt),
        createdBy: 'system',
        createdAt: now,
        updatedAt: now,
      })),
    });
    await e.db.deadline.createMany({
      data: chunk.map((n) => ({
        id: `${n}:${STORM_CLOCK.name}`,
        caseNumber: n,
        unitId: UNIT,
        clock: STORM_CLOCK.name,
        rule: STORM_CLOCK.rule,
        unit: STORM_CLOCK.unit,
        status: 'running',
        startedOn: chinaDateOf(startedAt),
        dueOn,
        dueAt: new Date(dueAt),
        explanation: {},
        updatedAt: now,
      })),
    });
  }

  console.log(
    `timer storm: ${N} clocks (${STORM_CLOCK.length}-hour periods, no warnings), all due at ${stamp(dueAt)}; ` +
      `storm worker: its own process, workflow cache ${cached ?? `${e.cfg.worker.cachedWorkflows} (the default)`}`,
  );
  console.log(
    `start rate measured on ${CALIBRATE} clocks: ${calRate.toFixed(0)}/s at ${CONCURRENCY} at once; lead ${lead} s`,
  );

  // The storm's clocks: all started before the due instant.
  const tStart = Date.now();
  let done = 0;
  await pool(numbers, CONCURRENCY, async (num) => {
    await start(num, dueAt);
    if (++done % Math.max(1, Math.floor(N / 10)) === 0)
      console.log(
        `  ${String(done).padStart(6)} started, ${((done * 1000) / (Date.now() - tStart)).toFixed(0)}/s, ` +
          `${s(dueAt - Date.now())} before due, worker RSS ${workerRss().toFixed(0)} MiB`,
      );
  });
  const startSeconds = (Date.now() - tStart) / 1000;
  const startRate = N / startSeconds;
  console.log(
    `${N} started in ${startSeconds.toFixed(1)} s (${startRate.toFixed(1)}/s); the last ${s(dueAt - Date.now())} before due`,
  );
  await armAll(numbers, dueAt);
  const armedBefore = dueAt - Date.now();
  const armRate = N / ((Date.now() - tStart) / 1000);
  console.log(`all ${N} armed ${s(armedBefore)} before due (${armRate.toFixed(1)}/s from the first start)`);
  if (armedBefore < 2000)
    fail(`the clocks were armed only ${s(armedBefore)} before due; give more lead (BENCH_LEAD_S)`);
  phase = 'storm';

  // Asleep: the worker's memory and CPU just before the due instant.
  await sleep(Math.max(0, dueAt - 1000 - Date.now()));
  const idleRss = workerRss();
  const idleCached = await workerMetric('temporal_sticky_cache_size');
  const cpu0 = {
    worker: cpuSeconds(workerPid),
    temporal: cpuSeconds(e.pids().temporal),
    all: cpuSeconds(process.pid),
    engineWorker: cpuSeconds(e.pids().worker),
    at: Date.now(),
  };
  console.log(
    `just before the due instant: worker RSS ${idleRss.toFixed(0)} MiB, ${idleCached} workflows in its cache`,
  );

  // The storm: counts polled until every event is projected and every e-mail sent and delivered.
  const reached: Record<'fired' | 'outbox' | 'sent' | 'delivered', number | undefined> = {
    fired: undefined,
    outbox: undefined,
    sent: undefined,
    delivered: undefined,
  };
  let peakRss = idleRss;
  let lastReport = 0;
  const mailFiles = () => readdirSync(e.mailDir).filter((f) => f.endsWith('.eml'));
  for (;;) {
    const [row] = await e.db.$queryRaw<{ fired: number; outbox: number; sent: number }[]>`
      SELECT (SELECT count(*)::int FROM "AuditEntry"
                WHERE action = 'deadline.overdue' AND "caseNumber" LIKE 'STORM-%') AS fired,
             (SELECT count(*)::int FROM "Notification"
                WHERE kind = 'deadline.overdue' AND "caseNumber" LIKE 'STORM-%') AS outbox,
             (SELECT count(*)::int FROM "Notification"
                WHERE kind = 'deadline.overdue' AND "caseNumber" LIKE 'STORM-%' AND status = 'sent') AS sent`;
    const counts = { ...row!, delivered: mailFiles().length };
    const t = Date.now();
    for (const k of Object.keys(reached) as (keyof typeof reached)[])
      if (reached[k] === undefined && counts[k] >= N) reached[k] = t;
    peakRss = Math.max(peakRss, workerRss());
    if (t - lastReport >= 5000) {
      lastReport = t;
      console.log(
        `  due +${s(t - dueAt).padStart(7)}: fired ${counts.fired}, outbox ${counts.outbox}, sent ${counts.sent}, ` +
          `delivered ${counts.delivered}; worker RSS ${workerRss().toFixed(0)} MiB`,
      );
    }
    if (Object.values(reached).every((v) => v !== undefined)) break;
    if (t - dueAt > TIMEOUT_S * 1000) {
      fail(
        `not everything fired or was sent ${TIMEOUT_S} s after the due instant: ${JSON.stringify(counts)}`,
      );
      break;
    }
    await sleep(250);
  }
  const cpu1 = {
    worker: cpuSeconds(workerPid),
    temporal: cpuSeconds(e.pids().temporal),
    all: cpuSeconds(process.pid),
    engineWorker: cpuSeconds(e.pids().worker),
    at: Date.now(),
  };
  // A late second event or e-mail would show now.
  await sleep(10_000);
  let running = -1;
  for (let i = 0; i < 60; i++) {
    running = (await e.client.workflow.count(`TaskQueue = '${QUEUE}' AND ExecutionStatus = 'Running'`)).count;
    if (running === 0) break;
    await sleep(1000);
  }

  // Exactly one event per clock, one outbox row, one deadline overdue, one e-mail.
  const fired = await e.db.$queryRaw<{ number: string; n: number; at: number }[]>`
    SELECT "caseNumber" AS number, count(*)::int AS n, (extract(epoch FROM min(at)) * 1000)::float8 AS at
    FROM "AuditEntry" WHERE action = 'deadline.overdue' AND "caseNumber" LIKE 'STORM-%' GROUP BY 1`;
  const twice = fired.filter((f) => f.n > 1).length;
  const never = N - fired.length;
  const outbox = await e.db.notification.findMany({
    where: { kind: 'deadline.overdue', caseNumber: { startsWith: 'STORM-' } },
    select: { key: true, caseNumber: true, status: true, createdAt: true, sentAt: true },
  });
  const outboxPerCase = new Map<string, number>();
  for (const o of outbox) outboxPerCase.set(o.caseNumber!, (outboxPerCase.get(o.caseNumber!) ?? 0) + 1);
  const outboxTwice = [...outboxPerCase.values()].filter((n) => n > 1).length;
  const notSent = outbox.filter((o) => o.status !== 'sent').length;
  const overdueDeadlines = await e.db.deadline.count({
    where: { caseNumber: { startsWith: 'STORM-' }, status: 'overdue' },
  });
  const [armed] = await e.db.$queryRaw<{ late: number; last: number }[]>`
    SELECT count(*) FILTER (WHERE (details -> 'storm' ->> 'armedAt')::bigint >= ${dueAt})::int AS late,
           max((details -> 'storm' ->> 'armedAt')::bigint)::float8 AS last
    FROM "Case" WHERE number LIKE 'STORM-%' AND details -> 'storm' IS NOT NULL`;
  // E-mails as the SMTP server stored them (its file names begin with the time of delivery), by Message-ID.
  const messageIds = new Map(
    numbers.map((n) => {
      const key = `${n}:${STORM_CLOCK.name}:overdue:${dueOn}`;
      return [`${createHash('sha256').update(key).digest('hex').slice(0, 32)}@tiean.local`, n];
    }),
  );
  const delivered = new Map<string, number[]>();
  let strangers = 0;
  for (const f of mailFiles()) {
    const raw = readFileSync(path.join(e.mailDir, f), 'utf8');
    const end = raw.indexOf('\r\n\r\n');
    const head = end < 0 ? raw : raw.slice(0, end);
    const id = /^message-id:\s*<([^>]+)>/im.exec(head)?.[1];
    const n = id && messageIds.get(id);
    if (!n) {
      strangers++;
      continue;
    }
    delivered.set(n, [...(delivered.get(n) ?? []), Number(f.split('-')[0])]);
  }
  const mailTwice = [...delivered.values()].filter((d) => d.length > 1).length;
  const mailNever = N - delivered.size;

  const late = fired.map((f) => f.at - dueAt);
  const created = outbox.map((o) => o.createdAt.getTime() - dueAt);
  const sentAfter = outbox.filter((o) => o.sentAt).map((o) => o.sentAt!.getTime() - dueAt);
  const deliveredAfter = [...delivered.values()].map((d) => Math.min(...d) - dueAt);
  const stats = (xs: number[]) =>
    xs.length ? `p50 ${s(pct(xs, 50))}, p99 ${s(pct(xs, 99))}, max ${s(Math.max(...xs))}` : 'none';
  const lastMail = deliveredAfter.length ? Math.max(...deliveredAfter) : NaN;
  const lastOutbox = created.length ? Math.max(...created) : NaN;
  const wall = (cpu1.at - cpu0.at) / 1000;
  const cpu = {
    worker: cpu1.worker - cpu0.worker,
    temporal: cpu1.temporal - cpu0.temporal,
    rest: cpu1.all - cpu0.all - (cpu1.worker - cpu0.worker) - (cpu1.temporal - cpu0.temporal),
    engineWorker: cpu1.engineWorker - cpu0.engineWorker,
  };

  console.log(`\nevents fired: ${fired.length} of ${N} clocks; fired twice: ${twice}; never: ${never}`);
  console.log(`deadlines projected overdue: ${overdueDeadlines}`);
  console.log(
    `outbox rows: ${outbox.length} (${outbox.length - notSent} sent); clocks with two rows: ${outboxTwice}`,
  );
  console.log(
    `e-mails delivered to the SMTP server: ${[...delivered.values()].reduce((n, d) => n + d.length, 0)} for ` +
      `${delivered.size} clocks; twice: ${mailTwice}; never: ${mailNever}; others: ${strangers}`,
  );
  console.log(
    `clocks armed after the due instant: ${armed!.late}; the last armed ${s(dueAt - armed!.last)} before it`,
  );
  console.log(`workflows still running: ${running}`);
  console.log(`\nlateness of the overdue event (workflow time at the timer's wake-up − due): ${stats(late)}`);
  console.log(`outbox row written after due: ${stats(created)}`);
  console.log(`e-mail sent (SMTP accepted, outbox row marked) after due: ${stats(sentAfter)}`);
  console.log(`e-mail delivered to the mail folder after due: ${stats(deliveredAfter)}`);
  const at = (k: keyof typeof reached) => (reached[k] ? `+${s(reached[k]! - dueAt)}` : 'never');
  console.log(
    `all ${N} (polled every 250 ms): projected ${at('fired')}, in the outbox ${at('outbox')}, ` +
      `sent ${at('sent')}, delivered ${at('delivered')}`,
  );
  const inTime = deliveredAfter.filter((ms) => ms <= TARGET_S * 1000).length;
  console.log(
    `last e-mail ${s(lastMail)} after the due instant: ${lastMail <= TARGET_S * 1000 ? 'within' : 'OVER'} the ${TARGET_S} s target; ` +
      `${inTime} of ${N} e-mails delivered within it`,
  );
  console.log(
    `CPU from 1 s before due to the last e-mail (${wall.toFixed(1)} s wall, 2 cores): storm worker ` +
      `${cpu.worker.toFixed(1)} s, Temporal server ${cpu.temporal.toFixed(1)} s, PostgreSQL + SMTP + this process ` +
      `${(cpu.rest - cpu.engineWorker).toFixed(1)} s, the engine's idle worker ${cpu.engineWorker.toFixed(1)} s; ` +
      `storm worker RSS ${idleRss.toFixed(0)} MiB asleep, ${peakRss.toFixed(0)} MiB at most during the storm`,
  );
  const lastFired = Math.max(...late);
  const floorLast = floor ? Math.max(...floor.done) : NaN;
  const ratio = (ms: number) => (floor ? `${(ms / floorLast).toFixed(1)}×` : '–');
  if (floor)
    console.log(
      `\nagainst the floor (${N} bare timers in this run, last done ${s(floorLast)} after due): the last overdue ` +
        `event ${ratio(lastFired)}, the last e-mail in the outbox ${ratio(lastOutbox)}, delivered ${ratio(lastMail)}; ` +
        `CPU per firing ${perFiring(cpu.worker)} + ${perFiring(cpu.temporal)} (worker + Temporal) against the ` +
        `floor's ${perFiring(floor.cpu.worker)} + ${perFiring(floor.cpu.temporal)}`,
    );
  console.log(
    `\n| clocks | start rate | lateness p50 / p99 / max | last e-mail in the outbox / delivered after due | ` +
      `floor: bare timers done p50 / p99 / last | last e-mail ÷ floor | duplicates |`,
  );
  console.log('|---|---|---|---|---|---|---|');
  console.log(
    `| ${N} | ${startRate.toFixed(1)}/s (armed ${armRate.toFixed(1)}/s) | ${s(pct(late, 50))} / ${s(pct(late, 99))} / ${s(lastFired)} | ` +
      `${s(lastOutbox)} / ${s(lastMail)} | ` +
      `${floor ? `${s(pct(floor.done, 50))} / ${s(pct(floor.done, 99))} / ${s(floorLast)}` : '–'} | ${ratio(lastMail)} | ` +
      `${twice + outboxTwice + mailTwice} |`,
  );

  if (twice) fail(`${twice} clocks fired twice`);
  if (never) fail(`${never} clocks never fired`);
  if (overdueDeadlines !== N) fail(`${N - overdueDeadlines} deadlines not projected overdue`);
  if (outbox.length !== N || outboxTwice) fail(`outbox rows: ${outbox.length} for ${N} clocks`);
  if (notSent) fail(`${notSent} e-mails not sent`);
  if (mailTwice) fail(`${mailTwice} e-mails delivered twice`);
  if (mailNever) fail(`${mailNever} e-mails never delivered`);
  if (armed!.late) fail(`${armed!.late} clocks armed after the due instant: give more lead (BENCH_LEAD_S)`);
  if (running !== 0) fail(`${running} storm workflows still running`);
} finally {
  if (complaints.size) {
    console.log('\nthe Temporal server and the workers complained (lines by message):');
    for (const [k, n] of [...complaints].sort((a, b) => b[1] - a[1]))
      console.log(`${String(n).padStart(7)}  ${k}`);
  }
  phase = 'stop';
  await worker.stop(30_000);
  await e.stop();
}
if (failed) process.exit(1);
