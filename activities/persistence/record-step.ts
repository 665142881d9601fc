// One case step, projected to PostgreSQL in one statement (so in one transaction): the case row, its deadlines,
// its tasks, the audit entry, what the step adds to the figures (a figure entry; a submission's matter closed)
// and the e-mails it causes (outbox rows, sent by the workers' mail outbox: notifications/outbox.ts). Idempotent: the audit entry's (case, seq) is the step's identity, so a retried activity finds it and
// changes nothing (and of two attempts racing, the second's statement fails whole on that key and its retry finds
// the first's entry).
//
// Every command and every clock runs this, so it is written in SQL: two round trips (the chain's previous entry,
// then one statement of data-modifying CTEs), where the query builder took a dozen and about 13 ms of the
// worker's CPU per step (bench/projection.ts, README "Measured").
import type { Db } from '../../platform/db.js';
import { Prisma } from '../../schema/generated/prisma/client.js';
import type { ClockView } from '../../schema/case.js';
import { auditHash, GENESIS_HASH } from '../../services/audit-hash.js';
import { figureOf } from '../../services/figure-entries.js';
import type { NotifyRequest } from '../notifications/notify.js';

export interface CaseRowSnapshot {
  number: string;
  /** "case" (the default) or "complaint". */
  kind?: string;
  details?: Record<string, unknown>;
  rulePack?: string;
  unitId: string;
  stage: string;
  status: string;
  source: string;
  respondent: unknown;
  summary: string;
  discoveredOn: string;
  overdue: boolean;
  nextDueOn: string | null;
  nextDueAt: string | null;
  createdBy: string;
  createdAt: string;
}

export interface TaskOpen {
  id: string;
  kind: string;
  title?: { zh: string; en: string };
  role: string;
  /** Named users who must act; otherwise anyone with the role in the unit. */
  assignees?: string[];
  unitId: string;
  dueOn: string | null;
}

export interface StepRecord {
  caseNumber: string;
  seq: number;
  at: string;
  actorId: string;
  action: string;
  details: Record<string, unknown>;
  case: CaseRowSnapshot;
  deadlines: ClockView[];
  openTasks?: TaskOpen[];
  closeTasks?: string[];
  evidence?: EvidenceRow[];
  /** E-mails the step causes, written to the outbox with it (a retried step writes none again: its key). */
  mail?: NotifyRequest[];
}

export interface EvidenceRow {
  id: string;
  type: string;
  description: string;
  collectedAt: string;
  place: string;
  collectedBy: string[];
  attachments: { name: string; mediaType: string; size: number; sha256: string }[];
}

/** The last of each id: a statement may not change a row twice (the query builder's upserts, one after the other,
 * let the last win). */
function lastById<T>(rows: T[], id: (r: T) => string): T[] {
  return [...new Map(rows.map((r) => [id(r), r] as const)).values()];
}

const json = (v: unknown) => JSON.stringify(v);

export function recordStepActivity(db: Db) {
  return async function recordStep(step: StepRecord): Promise<{ applied: boolean; hash: string }> {
    const chain = await db.$queryRaw<{ seq: number; hash: string }[]>`
      SELECT seq, hash FROM "AuditEntry"
       WHERE "caseNumber" = ${step.caseNumber} AND seq IN (${step.seq}::int, ${step.seq - 1}::int)`;
    const existing = chain.find((e) => e.seq === step.seq);
    if (existing) return { applied: false, hash: existing.hash };
    const prev = step.seq === 1 ? GENESIS_HASH : chain.find((e) => e.seq === step.seq - 1)?.hash;
    if (prev === undefined)
      throw new Error(
        `${step.caseNumber}: audit entry ${step.seq - 1} is missing; step ${step.seq} cannot follow it`,
      );

    const c = step.case;
    const at = step.at;
    const content = {
      caseNumber: step.caseNumber,
      seq: step.seq,
      at: step.at,
      actorId: step.actorId,
      action: step.action,
      details: step.details,
    };
    const hash = auditHash(prev, content);
    const closing = new Set(step.closeTasks ?? []);
    const tasks = lastById(step.openTasks ?? [], (t) => t.id).map(({ title, ...t }) => ({
      ...t,
      assignees: t.assignees ?? [],
      title: title ? `${title.zh} ${title.en}` : '',
      // A task opened and closed by the same step ends closed, as when it was opened first, then closed.
      closed: closing.has(t.id),
    }));
    const opened = new Set(tasks.map((t) => t.id));
    const ctes: Prisma.Sql[] = [
      // The case row (a matter's kind, details and rule pack are kept when the step does not name them).
      Prisma.sql`c AS (
        INSERT INTO "Case" (number, kind, details, "rulePack", "unitId", stage, status, source, respondent, summary,
                            "discoveredOn", overdue, "nextDueOn", "nextDueAt", "updatedAt", "auditSeq", "createdBy",
                            "createdAt")
        VALUES (${c.number}, COALESCE(${c.kind ?? null}, 'case'), COALESCE(${c.details ? json(c.details) : null}::jsonb,
                '{}'::jsonb), ${c.rulePack ?? null}, ${c.unitId}, ${c.stage}, ${c.status}, ${c.source},
                ${json(c.respondent)}::jsonb, ${c.summary}, ${c.discoveredOn}, ${c.overdue}, ${c.nextDueOn},
                ${c.nextDueAt}::timestamptz, ${at}::timestamptz, ${step.seq}::int, ${c.createdBy},
                ${c.createdAt}::timestamptz)
        ON CONFLICT (number) DO UPDATE SET
          kind = COALESCE(${c.kind ?? null}, "Case".kind),
          details = COALESCE(${c.details ? json(c.details) : null}::jsonb, "Case".details),
          "rulePack" = COALESCE(${c.rulePack ?? null}, "Case"."rulePack"),
          "unitId" = EXCLUDED."unitId", stage = EXCLUDED.stage, status = EXCLUDED.status, source = EXCLUDED.source,
          respondent = EXCLUDED.respondent, summary = EXCLUDED.summary, "discoveredOn" = EXCLUDED."discoveredOn",
          overdue = EXCLUDED.overdue, "nextDueOn" = EXCLUDED."nextDueOn", "nextDueAt" = EXCLUDED."nextDueAt",
          "updatedAt" = EXCLUDED."updatedAt", "auditSeq" = EXCLUDED."auditSeq")`,
    ];
    const deadlines = lastById(step.deadlines, (d) => d.name);
    if (deadlines.length)
      ctes.push(Prisma.sql`d AS (
        INSERT INTO "Deadline" (id, "caseNumber", "unitId", clock, rule, unit, status, "startedOn", "dueOn", "dueAt",
                                provisional, explanation, "updatedAt")
        SELECT ${c.number} || ':' || (e->>'name'), ${c.number}, ${c.unitId}, e->>'name', e->>'rule', e->>'unit',
               e->>'status', e->>'startedOn', e->>'dueOn', (e->>'dueAt')::timestamptz, (e->>'provisional')::boolean,
               e, ${at}::timestamptz
          FROM jsonb_array_elements(${json(deadlines)}::jsonb) e
        ON CONFLICT (id) DO UPDATE SET
          "unitId" = EXCLUDED."unitId", clock = EXCLUDED.clock, rule = EXCLUDED.rule, unit = EXCLUDED.unit,
          status = EXCLUDED.status, "startedOn" = EXCLUDED."startedOn", "dueOn" = EXCLUDED."dueOn",
          "dueAt" = EXCLUDED."dueAt", provisional = EXCLUDED.provisional, explanation = EXCLUDED.explanation,
          "updatedAt" = EXCLUDED."updatedAt")`);
    if (tasks.length)
      // A task opened again (a new period, a new round) is open again; its kind, role and officers stay.
      ctes.push(Prisma.sql`t AS (
        INSERT INTO "Task" (id, "caseNumber", kind, title, role, assignees, "unitId", "dueOn", status, "createdAt",
                            "closedAt", "closedBy")
        SELECT e->>'id', ${c.number}, e->>'kind', e->>'title', e->>'role',
               ARRAY(SELECT jsonb_array_elements_text(e->'assignees')), e->>'unitId', e->>'dueOn',
               CASE WHEN (e->>'closed')::boolean THEN 'closed' ELSE 'open' END, ${at}::timestamptz,
               CASE WHEN (e->>'closed')::boolean THEN ${at}::timestamptz END,
               CASE WHEN (e->>'closed')::boolean THEN ${step.actorId} END
          FROM jsonb_array_elements(${json(tasks)}::jsonb) e
        ON CONFLICT (id) DO UPDATE SET
          "dueOn" = EXCLUDED."dueOn", title = EXCLUDED.title, status = EXCLUDED.status,
          "closedAt" = EXCLUDED."closedAt", "closedBy" = EXCLUDED."closedBy")`);
    const closeOnly = [...closing].filter((id) => !opened.has(id));
    if (closeOnly.length)
      ctes.push(Prisma.sql`tc AS (
        UPDATE "Task" SET status = 'closed', "closedAt" = ${at}::timestamptz, "closedBy" = ${step.actorId}
         WHERE id = ANY(${closeOnly}::text[]) AND status = 'open')`);
    const evidence = lastById(step.evidence ?? [], (e) => e.id);
    if (evidence.length)
      ctes.push(Prisma.sql`ev AS (
        INSERT INTO "Evidence" (id, "caseNumber", type, description, "collectedAt", place, "collectedBy", attachments,
                                "recordedAt")
        SELECT e->>'id', ${c.number}, e->>'type', e->>'description', (e->>'collectedAt')::timestamptz, e->>'place',
               ARRAY(SELECT jsonb_array_elements_text(e->'collectedBy')), e->'attachments', ${at}::timestamptz
          FROM jsonb_array_elements(${json(evidence)}::jsonb) e
        ON CONFLICT (id) DO NOTHING)`);
    const figure = figureOf(step);
    if (figure)
      ctes.push(Prisma.sql`f AS (
        INSERT INTO "FigureEntry" ("caseNumber", seq, "unitId", day, kind, "fineFen", "gainsFen", "propertyFen", met)
        VALUES (${c.number}, ${step.seq}::int, ${c.unitId}, ${figure.day}, ${figure.kind}, ${figure.fineFen}::bigint,
                ${figure.gainsFen}::bigint, ${figure.propertyFen}::bigint, ${figure.met}::boolean))`);
    // The submission a complaint or a report's case came from: its track is closed from the first step of the
    // matter that is (the 12315 closure rate).
    if (c.status === 'closed' && (c.kind ?? 'case') !== 'listing')
      ctes.push(
        c.kind === 'complaint'
          ? Prisma.sql`s AS (UPDATE "Submission" SET "complaintClosedAt" = ${at}::timestamptz
                              WHERE "complaintNumber" = ${c.number} AND "complaintClosedAt" IS NULL)`
          : Prisma.sql`s AS (UPDATE "Submission" SET "caseClosedAt" = ${at}::timestamptz
                              WHERE "caseNumber" = ${c.number} AND "caseClosedAt" IS NULL)`,
      );
    // An e-mail is written once: a key already in the outbox (or twice in the step) keeps its first row.
    const mail = step.mail ?? [];
    if (mail.length)
      ctes.push(Prisma.sql`m AS (
        INSERT INTO "Notification" (key, "caseNumber", kind, recipients, subject, body, status, audience,
                                    "nextAttemptAt", "createdAt")
        SELECT e->>'key', e->>'caseNumber', e->>'kind', '{}', e->>'subject', e->>'text', 'pending', e->'audience',
               now(), now()
          FROM jsonb_array_elements(${json(mail)}::jsonb) e
        ON CONFLICT (key) DO NOTHING)`);
    await db.$executeRaw`
      WITH ${Prisma.join(ctes, ',\n')}
      INSERT INTO "AuditEntry" ("caseNumber", seq, at, "actorId", action, details, "prevHash", hash)
      VALUES (${step.caseNumber}, ${step.seq}::int, ${at}::timestamptz, ${step.actorId}, ${step.action},
              ${json(step.details)}::jsonb, ${prev}, ${hash})`;
    return { applied: true, hash };
  };
}
