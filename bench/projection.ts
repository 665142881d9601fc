// `npm run bench -- projection`: what projecting one step costs the worker (the step projection, the activity
// every command and clock runs: case row, deadlines, tasks, audit entry, in one transaction), in CPU time of this
// process and in wall time, on embedded PostgreSQL. Steps shaped like a case's first three: the registration
// (a deadline, a task), the filing decision (two deadlines, one task closed and one opened) and a piece of
// evidence recorded (an evidence row, two deadlines).
import { recordStepActivity, type StepRecord } from '../activities/persistence/record-step.js';
import type { ClockView } from '../schema/case.js';
import { createDb } from '../platform/db.js';
import { seedDemo } from '../scripts/seed.js';
import { startMigratedPostgres } from '../test/helpers/postgres.js';

const CASES = Number(process.env.BENCH_CASES ?? 400);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);

const { pg, stop } = await startMigratedPostgres('tiean-bench-projection', 'tiean');
const db = createDb(pg.url);
await seedDemo(db);
const recordStep = recordStepActivity(db);

const clock = (name: string, startedOn: string, dueOn: string): ClockView => ({
  name,
  title: { zh: '期限', en: 'Period' },
  rule: 'rule',
  unit: 'WD',
  length: 15,
  startedOn,
  status: 'running',
  dueOn,
  dueAt: `${dueOn}T16:00:00.000Z`,
  remaining: 15,
  provisional: false,
  pauses: [],
  extensions: [],
  explanation: ['15 working days from the day after the start'],
});

function steps(n: number): StepRecord[] {
  const number = `DC-2026-${String(n).padStart(5, '0')}`;
  const base = {
    caseNumber: number,
    actorId: 'officer1',
    details: { n },
  };
  const row = (stage: string) => ({
    number,
    unitId: 'dc',
    stage,
    status: 'open',
    source: 'media',
    respondent: { kind: 'natural_person', name: '张三' },
    summary: '媒体曝光',
    discoveredOn: '2026-11-20',
    overdue: false,
    nextDueOn: '2026-12-11',
    nextDueAt: '2026-12-11T16:00:00.000Z',
    createdBy: 'officer1',
    createdAt: '2026-11-20T01:00:00.000Z',
  });
  const filing = clock('filing', '2026-11-20', '2026-12-11');
  const investigation = clock('investigation', '2026-11-25', '2027-02-23');
  return [
    {
      ...base,
      seq: 1,
      at: '2026-11-20T01:00:00.000Z',
      action: 'clue.registered',
      case: row('filing'),
      deadlines: [filing],
      openTasks: [
        {
          id: `${number}:decide`,
          kind: 'decide-filing',
          role: 'agency_head',
          unitId: 'dc',
          dueOn: '2026-12-11',
        },
      ],
    },
    {
      ...base,
      seq: 2,
      at: '2026-11-25T01:00:00.000Z',
      action: 'case.filed',
      case: row('investigation'),
      deadlines: [{ ...filing, status: 'stopped' }, investigation],
      closeTasks: [`${number}:decide`],
      openTasks: [
        {
          id: `${number}:investigate`,
          kind: 'investigate',
          role: 'case_officer',
          assignees: ['officer1', 'officer2'],
          unitId: 'dc',
          dueOn: '2027-02-23',
        },
      ],
    },
    {
      ...base,
      seq: 3,
      at: '2026-11-26T01:00:00.000Z',
      action: 'evidence.recorded',
      case: row('investigation'),
      deadlines: [{ ...filing, status: 'stopped' }, investigation],
      evidence: [
        {
          id: `${number}:e1`,
          type: 'document',
          description: '现场检查笔录',
          collectedAt: '2026-11-26T01:00:00.000Z',
          place: '经营场所',
          collectedBy: ['officer1', 'officer2'],
          attachments: [],
        },
      ],
    },
  ];
}

async function run(label: string, first: number) {
  const latencies: number[] = [];
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let next = first;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < first + CASES) {
        const n = next++;
        for (const s of steps(n)) {
          const t = performance.now();
          await recordStep(s);
          latencies.push(performance.now() - t);
        }
      }
    }),
  );
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  latencies.sort((a, b) => a - b);
  const count = latencies.length;
  const p = (q: number) => latencies[Math.min(count - 1, Math.floor((q / 100) * count))]!.toFixed(1);
  console.log(
    `${label}: ${count} steps, ${((cpu.user + cpu.system) / 1000 / count).toFixed(2)} ms CPU per step (this process), ` +
      `p50 ${p(50)} ms, p99 ${p(99)} ms, ${((count / wall) * 1000).toFixed(0)} steps/s at ${CONCURRENCY} in flight`,
  );
}

await run('warm-up', 1);
await run('measured', 1 + CASES);
await db.$disconnect();
await stop();
