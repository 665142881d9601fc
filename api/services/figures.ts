// The bureau's figures for a period, by unit (GET /api/figures and its CSV), each read by SQL from the projection
// — case rows, deadlines, submissions, and the figure entries the projection writes with the steps that count —
// never from a workflow. A period is [from 00:00, the day after `to` 00:00) China time for moments, and
// from ≤ day ≤ to for days (received, decided, published). The queries are measured at 100,000 cases and as many
// complaints (bench/reads.ts); each reads one index (migration 20261204090000_figures), and the on-time rate reads
// the counts of ended deadlines that triggers keep per unit, period and day and month (20261204100000_deadline_counts).
import type { Db } from '../../platform/db.js';
import { Prisma } from '../../schema/generated/prisma/client.js';
import type { FigureKind } from '../../services/figure-entries.js';
import { addDays } from '../../schema/values/dates.js';
import type { Figures, UnitFigures } from '../../schema/workbench.js';

/** The period asked for: its days, and the moments that bound it in China time. */
export interface Period {
  from: string;
  to: string;
  start: Date;
  end: Date;
}

export function periodOf(from: string, to: string): Period {
  const start = new Date(`${from}T00:00:00+08:00`);
  const end = new Date(new Date(`${to}T00:00:00+08:00`).getTime() + 86_400_000);
  return { from, to, start, end };
}

/** The whole months of a period: the first day of the first, and the first day after the last (`from` equal to
 * `until`, the day after the period, when it holds no whole month). */
export function wholeMonths(p: { from: string; to: string }): { from: string; until: string } {
  const first = (d: string) => `${d.slice(0, 7)}-01`;
  const nextMonth = (d: string) => first(addDays(first(d), 31));
  const from = p.from.endsWith('-01') ? p.from : nextMonth(p.from);
  const until = first(addDays(p.to, 1));
  return from < until ? { from, until } : { from: addDays(p.to, 1), until: addDays(p.to, 1) };
}

type Counts<K extends string> = { unitId: string } & Record<K, bigint>;

/** The SQL of each figure (the benchmark runs and explains them one by one). */
export const figureSql = {
  /** Cases registered in the period, and how many of them are closed. */
  cases: (units: string[], p: Period) => Prisma.sql`
      SELECT "unitId", count(*) AS filed, count(*) FILTER (WHERE status = 'closed') AS closed
        FROM "Case"
       WHERE kind = 'case' AND "unitId" = ANY(${units}) AND "createdAt" >= ${p.start} AND "createdAt" < ${p.end}
       GROUP BY "unitId"`,

  /** Statutory clocks stopped in the period, per clock, and how many stopped by their due time: from the counts
   * kept as deadlines end (migration 20261204100000_deadline_counts), the period's whole months from the counts
   * per month and the days before and after them from the counts per day. Always equal to `onTimeFromDeadlines`. */
  onTime: (units: string[], p: Period) => {
    const m = wholeMonths(p);
    return Prisma.sql`
      SELECT clock, sum(ended) AS ended, sum("onTime") AS "onTime"
        FROM (SELECT clock, ended, "onTime" FROM "DeadlineMonthCount"
               WHERE "unitId" = ANY(${units}) AND month >= ${m.from}::date AND month < ${m.until}::date
              UNION ALL
              SELECT clock, ended, "onTime" FROM "DeadlineDayCount"
               WHERE "unitId" = ANY(${units}) AND day >= ${p.from}::date AND day < ${m.from}::date
              UNION ALL
              SELECT clock, ended, "onTime" FROM "DeadlineDayCount"
               WHERE "unitId" = ANY(${units}) AND day >= ${m.until}::date AND day <= ${p.to}::date) c
       GROUP BY clock HAVING sum(ended) > 0 ORDER BY clock`;
  },

  /** The same figure counted from the deadlines themselves, every one that ended in the period (a province's year
   * is about 165,000): what the counts must always equal (the tests compare them; the benchmark measures both). */
  onTimeFromDeadlines: (units: string[], p: Period) => Prisma.sql`
      SELECT clock, count(*) AS ended, count(*) FILTER (WHERE "updatedAt" <= "dueAt") AS "onTime"
        FROM "Deadline"
       WHERE status = 'stopped' AND "unitId" = ANY(${units}) AND "updatedAt" >= ${p.start} AND "updatedAt" < ${p.end}
       GROUP BY clock ORDER BY clock`,

  /** Decisions with their amounts, criminal transfers, mediations that ended after they began, and decisions
   * published, from the figure entries the projection wrote for the steps of the period's days. */
  entries: (units: string[], p: Period) => Prisma.sql`
      SELECT "unitId", kind, count(*) AS n, sum("fineFen")::bigint AS "fineFen",
             sum("gainsFen")::bigint AS "gainsFen", sum("propertyFen")::bigint AS "propertyFen",
             count(*) FILTER (WHERE met) AS met, count(*) FILTER (WHERE met IS NULL) AS unknown
        FROM "FigureEntry"
       WHERE "unitId" = ANY(${units}) AND day >= ${p.from} AND day <= ${p.to}
       GROUP BY "unitId", kind`,

  /** Complaints received in the period (their acceptance clocks started), how many of those clocks stopped (the
   * acceptance decided, or the complaint transferred), and how many by their due time. */
  complaints: (units: string[], p: Period) => Prisma.sql`
      SELECT "unitId", count(*) AS received, count(*) FILTER (WHERE status = 'stopped') AS decided,
             count(*) FILTER (WHERE status = 'stopped' AND "updatedAt" <= "dueAt") AS "decidedOnTime"
        FROM "Deadline"
       WHERE clock = 'acceptance' AND "unitId" = ANY(${units}) AND "startedOn" >= ${p.from} AND "startedOn" <= ${p.to}
       GROUP BY "unitId"`,

  /** Complaints and reports received through 12315 in the period (each track of a submission), and how many of
   * them are closed. */
  channel12315: (units: string[], p: Period) => Prisma.sql`
      SELECT "unitId", count("complaintNumber") + count("caseNumber") AS received,
             count("complaintClosedAt") + count("caseClosedAt") AS closed
        FROM "Submission"
       WHERE channel = '12315' AND "unitId" = ANY(${units}) AND "receivedOn" >= ${p.from} AND "receivedOn" <= ${p.to}
       GROUP BY "unitId"`,
};

const run =
  <R>(sql: (units: string[], p: Period) => Prisma.Sql) =>
  (db: Db, units: string[], p: Period) =>
    db.$queryRaw<R[]>(sql(units, p));

/** Each figure's query, typed. */
export const figureQueries = {
  cases: run<Counts<'filed' | 'closed'>>(figureSql.cases),
  onTime: run<{ clock: string; ended: bigint; onTime: bigint }>(figureSql.onTime),
  onTimeFromDeadlines: run<{ clock: string; ended: bigint; onTime: bigint }>(figureSql.onTimeFromDeadlines),
  entries: run<
    { unitId: string; kind: FigureKind } & Record<
      'n' | 'fineFen' | 'gainsFen' | 'propertyFen' | 'met' | 'unknown',
      bigint
    >
  >(figureSql.entries),
  complaints: run<Counts<'received' | 'decided' | 'decidedOnTime'>>(figureSql.complaints),
  channel12315: run<Counts<'received' | 'closed'>>(figureSql.channel12315),
};

const ratio = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;

/** Every figure of the units for the period, one row per unit that has any. */
export async function readFigures(db: Db, units: string[], p: Period): Promise<Figures> {
  const q = figureQueries;
  const [cases, onTime, entries, complaints, channel] = await Promise.all([
    q.cases(db, units, p),
    q.onTime(db, units, p),
    q.entries(db, units, p),
    q.complaints(db, units, p),
    q.channel12315(db, units, p),
  ]);
  const byId = <R extends { unitId: string }>(rows: R[]) => new Map(rows.map((r) => [r.unitId, r]));
  const [c, k, ch] = [byId(cases), byId(complaints), byId(channel)];
  // The figure entries by unit and kind.
  const e = new Map<string, Map<FigureKind, (typeof entries)[number]>>();
  for (const row of entries) e.set(row.unitId, (e.get(row.unitId) ?? new Map()).set(row.kind, row));
  const ids = [...new Set([...c.keys(), ...e.keys(), ...k.keys(), ...ch.keys()])].sort();
  const n = (v: bigint | undefined) => Number(v ?? 0n);
  const byUnit = ids.map((unitId): UnitFigures => {
    const [ci, ki, chi] = [c.get(unitId), k.get(unitId), ch.get(unitId)];
    const of = (kind: FigureKind) => e.get(unitId)?.get(kind);
    const [decided, spot, mediation, publication] = [
      of('decision'),
      of('on_the_spot'),
      of('mediation'),
      of('publication'),
    ];
    const both = (f: 'n' | 'fineFen' | 'gainsFen' | 'propertyFen') => n(decided?.[f]) + n(spot?.[f]);
    const attempted = n(mediation?.n);
    const succeeded = n(mediation?.met);
    const received12315 = n(chi?.received);
    const closed12315 = n(chi?.closed);
    return {
      unitId,
      filed: n(ci?.filed),
      closed: n(ci?.closed),
      decisions: {
        count: both('n'),
        onTheSpot: n(spot?.n),
        fineFen: both('fineFen'),
        confiscatedGainsFen: both('gainsFen'),
        confiscatedPropertyFen: both('propertyFen'),
      },
      complaints: {
        received: n(ki?.received),
        decided: n(ki?.decided),
        decidedOnTime: n(ki?.decidedOnTime),
      },
      mediation: { attempted, succeeded, successRate: ratio(succeeded, attempted) },
      channel12315: {
        received: received12315,
        closed: closed12315,
        closureRate: ratio(closed12315, received12315),
      },
      publicity: {
        published: n(publication?.n),
        // A publication without its publicity clock: whether it was on time cannot be told.
        onTime: n(publication?.unknown) > 0 ? null : n(publication?.met),
      },
      transfers: { decided: n(of('transfer_decided')?.n), accepted: n(of('transfer_accepted')?.n) },
    };
  });
  return {
    from: p.from,
    to: p.to,
    byUnit,
    onTime: onTime.map((o) => ({ clock: o.clock, ended: Number(o.ended), onTime: Number(o.onTime) })),
  };
}

// ——— CSV (Excel opens UTF-8 with a byte-order mark; CRLF line ends, RFC 4180 quoting) ———

/** The columns of the CSV, bilingual, and how each is read from a unit's figures. */
const COLUMNS: [string, (u: UnitFigures) => number | null][] = [
  ['立案 filed', (u) => u.filed],
  ['结案 closed', (u) => u.closed],
  ['处罚决定 decisions', (u) => u.decisions.count],
  ['当场处罚 on the spot', (u) => u.decisions.onTheSpot],
  ['罚款（分） fines (fen)', (u) => u.decisions.fineFen],
  ['没收违法所得（分） confiscated gains (fen)', (u) => u.decisions.confiscatedGainsFen],
  ['没收非法财物（分） confiscated property (fen)', (u) => u.decisions.confiscatedPropertyFen],
  ['收到投诉 complaints received', (u) => u.complaints.received],
  ['作出受理决定 acceptance decided', (u) => u.complaints.decided],
  ['7个工作日内决定 decided within 7 WD', (u) => u.complaints.decidedOnTime],
  ['调解 mediations', (u) => u.mediation.attempted],
  ['调解成功 mediations succeeded', (u) => u.mediation.succeeded],
  ['调解成功率 mediation success rate', (u) => u.mediation.successRate],
  ['12315收到 12315 received', (u) => u.channel12315.received],
  ['12315办结 12315 closed', (u) => u.channel12315.closed],
  ['12315办结率 12315 closure rate', (u) => u.channel12315.closureRate],
  ['公示 published', (u) => u.publicity.published],
  ['20个工作日内公示 published within 20 WD', (u) => u.publicity.onTime],
  ['决定移送司法机关 transfers decided', (u) => u.transfers.decided],
  ['公安机关立案 transfers accepted', (u) => u.transfers.accepted],
];

/** One CSV field: quoted when it must be; a text that a spreadsheet would run as a formula is defused. */
function field(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const line = (cells: (string | number | null)[]) => cells.map(field).join(',');

/** The figures as CSV: a row per unit (its name, the figures, its id), then the on-time rate per period. */
export function figuresCsv(f: Figures, unitNames: Map<string, string>): string {
  const rows = [
    line(['单位 unit', ...COLUMNS.map(([h]) => h), '单位编号 unit id']),
    ...f.byUnit.map((u) =>
      line([unitNames.get(u.unitId) ?? u.unitId, ...COLUMNS.map(([, get]) => get(u)), u.unitId]),
    ),
    '',
    line(['法定期限 statutory period', '届满 ended', '按期 on time']),
    ...f.onTime.map((o) => line([o.clock, o.ended, o.onTime])),
  ];
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}
