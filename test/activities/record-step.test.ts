// The step projection in SQL writes exactly what its plain definition (the query builder's upserts one after
// the other, test/activities/record-step-reference.ts) writes: random sequences of steps, retried steps among
// them, run through each in a database of its own, and every table the projection touches compared row by row
// (the deadline counts the triggers keep too). And: a step whose previous entry is missing writes nothing; two
// attempts of one step racing apply it once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordStepActivity, type StepRecord } from '../../activities/persistence/record-step.js';
import type { ClockView } from '../../schema/case.js';
import type { Db } from '../../platform/db.js';
import { freshDb, type TestDb } from '../helpers/db.js';
import { referenceRecordStep } from './record-step-reference.js';

let sqlDb: TestDb;
let refDb: TestDb;
beforeAll(async () => {
  [sqlDb, refDb] = await Promise.all([freshDb(), freshDb()]);
});
afterAll(async () => {
  await sqlDb?.drop();
  await refDb?.drop();
});

/** A small deterministic generator (mulberry32), so a failure can be run again. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    chance: (p: number) => next() < p,
    pick: <T>(xs: readonly T[]) => xs[int(xs.length)]!,
    some: <T>(xs: readonly T[], p = 0.4) => xs.filter(() => next() < p),
    int,
  };
}

const CLOCKS = ['filing', 'investigation', 'case', 'publicity'] as const;
const ACTIONS = [
  'clue.registered',
  'evidence.recorded',
  'decision.made',
  'simplified.decided',
  'transfer.approved',
  'case.transferred_to_police',
  'mediation.ended',
  'publicity.published',
] as const;

function clock(r: ReturnType<typeof random>, name: string, day: number): ClockView {
  const due = r.chance(0.2) ? null : `2027-01-${String(10 + r.int(18)).padStart(2, '0')}`;
  return {
    name,
    title: { zh: name, en: name },
    rule: `rule-${name}`,
    unit: r.pick(['WD', 'CD'] as const),
    length: 15,
    startedOn: `2026-12-${String(day).padStart(2, '0')}`,
    status: r.pick(['running', 'paused', 'overdue', 'stopped'] as const),
    dueOn: due,
    dueAt: due && `${due}T${r.pick(['15:59:59.999', '16:00:00.000'])}Z`,
    remaining: r.int(20),
    provisional: r.chance(0.3),
    pauses: r.chance(0.2) ? [{ from: '2026-12-05', reason: '检测', approvedBy: 'head1' }] : [],
    extensions: [],
    explanation: [`${name} ${day}`],
  };
}

/** A case's steps: seq 1…n, some repeated (a retried activity). */
function steps(r: ReturnType<typeof random>, number: string): StepRecord[] {
  const kind = r.pick([undefined, 'case', 'complaint', 'listing'] as const);
  const tasks = ['decide', 'investigate', 'review'].map((t) => `${number}:${t}`);
  const evidence = ['e1', 'e2'].map((e) => `${number}:${e}`);
  const out: StepRecord[] = [];
  const n = 1 + r.int(7);
  for (let seq = 1; seq <= n; seq++) {
    const day = Math.min(28, seq * 3);
    const at = `2026-12-${String(day).padStart(2, '0')}T0${r.int(10)}:00:00.${String(r.int(1000)).padStart(3, '0')}Z`;
    const action = r.pick(ACTIONS);
    const names = r.some(CLOCKS, 0.5);
    if (names.length && r.chance(0.15)) names.push(names[0]!); // a clock named twice: the last counts
    const details =
      action === 'decision.made'
        ? {
            outcome: {
              penalties: [
                { kind: 'fine', amountFen: 100 * r.int(1e5) },
                { kind: 'confiscate_gains', amountFen: r.int(1e4) },
              ],
            },
          }
        : action === 'simplified.decided'
          ? { penalty: { kind: 'fine', amount: r.int(200) } }
          : action === 'mediation.ended'
            ? { outcome: r.pick(['agreement', 'none']), endedOn: '2026-12-20' }
            : action === 'publicity.published'
              ? { publishedOn: '2027-01-15' }
              : { seq, note: r.chance(0.5) ? '现场检查' : undefined };
    out.push({
      caseNumber: number,
      seq,
      at,
      actorId: r.pick(['officer1', 'officer2', 'head1']),
      action,
      details,
      case: {
        number,
        ...(r.chance(0.7) && kind ? { kind } : {}),
        ...(r.chance(0.6)
          ? {
              details: {
                flag: r.int(3),
                ...(r.chance(0.5) ? { mediation: { startedOn: '2026-12-10' } } : {}),
              },
            }
          : {}),
        ...(r.chance(0.5) ? { rulePack: r.pick(['national@1', 'zj@2']) } : {}),
        unitId: r.pick(['dc', 'city']),
        stage: r.pick(['filing', 'investigation', 'closed']),
        status: r.pick(['open', 'open', 'closed']),
        source: 'media',
        respondent: { kind: 'natural_person', name: r.pick(['张三', '李四']) },
        summary: `摘要 ${seq}`,
        discoveredOn: '2026-12-01',
        overdue: r.chance(0.3),
        nextDueOn: r.chance(0.3) ? null : '2027-01-05',
        nextDueAt: r.chance(0.3) ? null : '2027-01-05T16:00:00.000Z',
        createdBy: 'officer1',
        createdAt: '2026-12-01T01:00:00.000Z',
      },
      deadlines: names.map((name) => clock(r, name, day)),
      openTasks: r.some(tasks, 0.35).map((id) => ({
        id,
        kind: id.slice(number.length + 1),
        ...(r.chance(0.6) ? { title: { zh: '办理', en: 'Handle' } } : {}),
        role: r.pick(['case_officer', 'agency_head']),
        ...(r.chance(0.5) ? { assignees: r.some(['officer1', 'officer2', 'officer3'], 0.6) } : {}),
        unitId: 'dc',
        dueOn: r.chance(0.2) ? null : `2027-01-${String(1 + r.int(28)).padStart(2, '0')}`,
      })),
      ...(r.chance(0.5) ? { closeTasks: r.some(tasks, 0.4) } : {}),
      ...(r.chance(0.4)
        ? {
            evidence: r.some(evidence, 0.6).map((id) => ({
              id,
              type: 'document',
              description: `证据 ${seq}`,
              collectedAt: at,
              place: '经营场所',
              collectedBy: r.some(['officer1', 'officer2'], 0.7),
              attachments: r.chance(0.5)
                ? [{ name: 'a.pdf', mediaType: 'application/pdf', size: 10, sha256: 'ab' }]
                : [],
            })),
          }
        : {}),
      // E-mails: a key may come again in a later step (or twice in one): its first row stays.
      ...(r.chance(0.4)
        ? {
            mail: Array.from({ length: 1 + r.int(3) }, () => {
              const k = r.int(4);
              return {
                key: `${number}:mail:${k}`,
                caseNumber: number,
                kind: r.pick(['task.assigned', 'deadline.overdue']),
                audience: r.pick([
                  { unitId: 'dc', role: 'supervisor' as const },
                  { userIds: r.some(['officer1', 'officer2'], 0.7) },
                  { submitterOf: `S-${number}` },
                ]),
                subject: `主题 ${k} ${seq}`,
                text: `正文 ${seq}`,
              };
            }),
          }
        : {}),
    });
    if (r.chance(0.2)) out.push(out[out.length - 1]!); // retried
  }
  return out;
}

/** Every table the projection writes, in a fixed order, without what differs by nature between two databases. */
async function tables(db: Db, numbers: string[]) {
  const where = { caseNumber: { in: numbers } };
  return {
    cases: await db.case.findMany({ where: { number: { in: numbers } }, orderBy: { number: 'asc' } }),
    deadlines: await db.deadline.findMany({ where, orderBy: { id: 'asc' } }),
    tasks: await db.task.findMany({ where, orderBy: { id: 'asc' } }),
    evidence: await db.evidence.findMany({ where, orderBy: { id: 'asc' } }),
    audit: await db.auditEntry.findMany({ where, orderBy: [{ caseNumber: 'asc' }, { seq: 'asc' }] }),
    figures: await db.figureEntry.findMany({ where, orderBy: [{ caseNumber: 'asc' }, { seq: 'asc' }] }),
    submissions: (await db.submission.findMany({ orderBy: { id: 'asc' } })).map(
      ({ createdAt: _, ...s }) => s,
    ),
    outbox: (await db.notification.findMany({ where, orderBy: { key: 'asc' } })).map(
      ({ createdAt: _c, nextAttemptAt: _n, ...m }) => m,
    ),
    dayCounts: await db.$queryRaw`SELECT * FROM "DeadlineDayCount" ORDER BY 1, 2, 3, 4`,
    monthCounts: await db.$queryRaw`SELECT * FROM "DeadlineMonthCount" ORDER BY 1, 2, 3, 4`,
  };
}

describe('the step projection in SQL', () => {
  it('writes what the query builder’s plain definition writes, row for row, on random steps (retries among them)', async () => {
    const sql = recordStepActivity(sqlDb.db);
    const ref = referenceRecordStep(refDb.db);
    for (const seed of [1, 2, 3]) {
      const r = random(seed);
      const numbers = Array.from({ length: 25 }, (_, i) => `DC-2026-${seed}${String(i).padStart(4, '0')}`);
      // The submissions the matters came from: a matter that closes closes its track.
      for (const db of [sqlDb.db, refDb.db])
        await db.submission.createMany({
          data: numbers.map((n, i) => ({
            id: `S-${n}`,
            unitId: 'dc',
            kind: i % 2 ? 'complaint' : 'report',
            channel: '12315',
            submitterKey: 'k',
            respondentKey: 'r',
            subjectKey: 's',
            ...(i % 2 ? { complaintNumber: n } : { caseNumber: n }),
            receivedOn: '2026-12-01',
            createdBy: 'officer1',
          })),
        });
      let applied = 0;
      for (const n of numbers)
        for (const step of steps(r, n)) {
          const [a, b] = [await sql(step), await ref(step)];
          expect(a, `${n} step ${step.seq}`).toEqual(b);
          if (a.applied) applied++;
        }
      expect(applied).toBeGreaterThan(50);
      const [x, y] = [await tables(sqlDb.db, numbers), await tables(refDb.db, numbers)];
      expect(x.audit.length).toBe(applied);
      // Each kind of write happened (the random steps reach every branch).
      expect(x.tasks.some((t) => t.status === 'closed') && x.tasks.some((t) => t.status === 'open')).toBe(
        true,
      );
      expect(x.evidence.length && x.figures.length && x.deadlines.length).toBeTruthy();
      expect(
        x.submissions.some((s) => s.caseClosedAt) && x.submissions.some((s) => s.complaintClosedAt),
      ).toBe(true);
      expect(x).toEqual(y);
    }
  });

  it('a step whose previous audit entry is missing writes nothing', async () => {
    const record = recordStepActivity(sqlDb.db);
    const [first] = steps(random(9), 'DC-2026-99999');
    await expect(record({ ...first!, seq: 3 })).rejects.toThrow(/audit entry 2 is missing/);
    expect(await sqlDb.db.case.count({ where: { number: 'DC-2026-99999' } })).toBe(0);
    expect(await sqlDb.db.auditEntry.count({ where: { caseNumber: 'DC-2026-99999' } })).toBe(0);
  });

  it('two attempts of one step at once apply it once; the one that lost finds it when retried', async () => {
    const record = recordStepActivity(sqlDb.db);
    const [first] = steps(random(11), 'DC-2026-99998');
    const results = await Promise.allSettled([record(first!), record(first!), record(first!)]);
    const done = results.flatMap((x) => (x.status === 'fulfilled' ? [x.value] : []));
    expect(done.filter((d) => d.applied)).toHaveLength(1);
    const again = await record(first!);
    expect(again).toEqual({ applied: false, hash: done.find((d) => d.applied)!.hash });
    expect(await sqlDb.db.auditEntry.count({ where: { caseNumber: 'DC-2026-99998' } })).toBe(1);
  });
});
