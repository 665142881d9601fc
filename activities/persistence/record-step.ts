// One case step, projected to PostgreSQL in one transaction: the case row, its deadlines, its tasks, the audit
// entry and what the step adds to the figures (a figure entry; a submission's matter closed). Idempotent: the
// audit entry's (case, seq) is the step's identity, so a retried activity finds it and changes nothing.
import type { Db } from '../../platform/db.js';
import type { ClockView } from '../../schema/case.js';
import { auditHash, GENESIS_HASH } from '../../services/audit-hash.js';
import { figureOf } from '../../services/figure-entries.js';

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

export function recordStepActivity(db: Db) {
  return async function recordStep(step: StepRecord): Promise<{ applied: boolean; hash: string }> {
    return db.$transaction(async (tx) => {
      const existing = await tx.auditEntry.findUnique({
        where: { caseNumber_seq: { caseNumber: step.caseNumber, seq: step.seq } },
      });
      if (existing) return { applied: false, hash: existing.hash };

      const at = new Date(step.at);
      const c = step.case;
      const row = {
        unitId: c.unitId,
        stage: c.stage,
        status: c.status,
        source: c.source,
        respondent: c.respondent as object,
        summary: c.summary,
        discoveredOn: c.discoveredOn,
        ...(c.kind ? { kind: c.kind } : {}),
        ...(c.details ? { details: c.details as object } : {}),
        ...(c.rulePack ? { rulePack: c.rulePack } : {}),
        overdue: c.overdue,
        nextDueOn: c.nextDueOn,
        nextDueAt: c.nextDueAt ? new Date(c.nextDueAt) : null,
        updatedAt: at,
        auditSeq: step.seq,
      };
      await tx.case.upsert({
        where: { number: c.number },
        create: { number: c.number, createdBy: c.createdBy, createdAt: new Date(c.createdAt), ...row },
        update: row,
      });
      for (const d of step.deadlines) {
        const data = {
          unitId: c.unitId,
          clock: d.name,
          rule: d.rule,
          unit: d.unit,
          status: d.status,
          startedOn: d.startedOn,
          dueOn: d.dueOn,
          dueAt: d.dueAt ? new Date(d.dueAt) : null,
          provisional: d.provisional,
          explanation: d as object,
          updatedAt: at,
        };
        const id = `${c.number}:${d.name}`;
        await tx.deadline.upsert({
          where: { id },
          create: { id, caseNumber: c.number, ...data },
          update: data,
        });
      }
      for (const { title, ...t } of step.openTasks ?? []) {
        const text = title ? `${title.zh} ${title.en}` : '';
        await tx.task.upsert({
          where: { id: t.id },
          create: { ...t, title: text, caseNumber: c.number, status: 'open', createdAt: at },
          // A task opened again (a new period, a new round) is open again.
          update: { dueOn: t.dueOn, title: text, status: 'open', closedAt: null, closedBy: null },
        });
      }
      for (const e of step.evidence ?? []) {
        const data = { ...e, collectedAt: new Date(e.collectedAt), attachments: e.attachments as object[] };
        await tx.evidence.upsert({
          where: { id: e.id },
          create: { ...data, caseNumber: c.number, recordedAt: at },
          update: {},
        });
      }
      if (step.closeTasks?.length) {
        await tx.task.updateMany({
          where: { id: { in: step.closeTasks }, status: 'open' },
          data: { status: 'closed', closedAt: at, closedBy: step.actorId },
        });
      }
      const prev =
        step.seq === 1
          ? GENESIS_HASH
          : (
              await tx.auditEntry.findUniqueOrThrow({
                where: { caseNumber_seq: { caseNumber: step.caseNumber, seq: step.seq - 1 } },
              })
            ).hash;
      const content = {
        caseNumber: step.caseNumber,
        seq: step.seq,
        at: step.at,
        actorId: step.actorId,
        action: step.action,
        details: step.details,
      };
      const hash = auditHash(prev, content);
      await tx.auditEntry.create({
        data: { ...content, at, details: step.details as object, prevHash: prev, hash },
      });
      const figure = figureOf(step);
      if (figure)
        await tx.figureEntry.create({
          data: { caseNumber: c.number, seq: step.seq, unitId: c.unitId, ...figure },
        });
      // The submission a complaint or a report's case came from: its track is closed from the first step of the
      // matter that is (the 12315 closure rate).
      if (c.status === 'closed' && (c.kind ?? 'case') !== 'listing') {
        const complaint = c.kind === 'complaint';
        await tx.submission.updateMany({
          where: complaint
            ? { complaintNumber: c.number, complaintClosedAt: null }
            : { caseNumber: c.number, caseClosedAt: null },
          data: complaint ? { complaintClosedAt: at } : { caseClosedAt: at },
        });
      }
      return { applied: true, hash };
    });
  };
}
