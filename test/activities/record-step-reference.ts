// The step projection as it was first written, with the query builder, one upsert after another in a
// transaction: the plain definition the SQL projection (activities/persistence/record-step.ts) is compared with
// (test/activities/record-step.test.ts). Kept for the test only.
import type { StepRecord } from '../../activities/persistence/record-step.js';
import type { Db } from '../../platform/db.js';
import { auditHash, GENESIS_HASH } from '../../services/audit-hash.js';
import { figureOf } from '../../services/figure-entries.js';

export function referenceRecordStep(db: Db) {
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
      // The e-mails the step causes, in the outbox; a key already there keeps its first row.
      if (step.mail?.length)
        await tx.notification.createMany({
          data: step.mail.map((m) => ({
            key: m.key,
            caseNumber: m.caseNumber,
            kind: m.kind,
            recipients: [],
            subject: m.subject,
            body: m.text,
            status: 'pending',
            audience: m.audience,
          })),
          skipDuplicates: true,
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
