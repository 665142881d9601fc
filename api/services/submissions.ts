// Intake (docs/rules.md, CRM): a submission is stored with its submitter in the confidential Person row, linked to
// earlier repeats, and split into its tracks (CRM 7): a complaint workflow and/or a case from the report. The
// workflows get the submission id, never the identity (CRM 33). Every step is idempotent on the request's key,
// so a retry after an outage starts nothing twice.
import { requireEngine } from './engine.js';
import { createHash } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { yearOf } from '../../schema/values/dates.js';
import type { Db } from '../../platform/db.js';
import type { Respondent } from '../../schema/case.js';
import { COMPLAINT_SERIES, type ComplaintInput, type Repeat } from '../../schema/complaint.js';
import type { Actor } from '../../schema/roles.js';
import type { CreateSubmission } from '../../schema/submission.js';
import { CaseStageKey, CaseUnitKey, OverdueKey } from '../../schema/search-attributes.js';
import { COMPLAINT_WORKFLOW_TYPE } from '../../workflows/complaint/messages.js';
import { requireRole } from '../auth/sessions.js';
import { AppError } from '../errors.js';
import { allocateCaseNumber, requestHash } from '../../services/case-numbers.js';
import { resolveRulePack } from '../../services/rule-packs.js';
import { projectRegistration, startCase } from './start-case.js';
import { unitSubtree } from './units.js';

export interface IntakeDeps {
  db: Db;
  temporal: Client;
  taskQueue: string;
}

/** Trimmed, lower-case, one space between words, full-width forms folded (ＡＢＣ → abc). */
export function normalise(s: string): string {
  return s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Keys that link repeats without storing what they are made of: hashes of the normalised values. */
export function submissionKeys(s: Pick<CreateSubmission, 'submitter' | 'respondent' | 'subject'>) {
  const p = s.submitter;
  const r: Respondent = s.respondent;
  return {
    submitterKey: sha256(
      p.idNumber ? `id:${normalise(p.idNumber)}` : `np:${normalise(p.name)}|${normalise(p.phone ?? '')}`,
    ),
    respondentKey: sha256(
      r.kind !== 'natural_person' && r.uscc ? `uscc:${normalise(r.uscc)}` : `name:${normalise(r.name)}`,
    ),
    subjectKey: sha256(normalise(s.subject)),
  };
}

export interface SubmissionResult {
  submissionId: string;
  complaintNumber?: string;
  caseNumber?: string;
  repeatOf: string[];
}

/** Stores the submission (or finds it again on a retry) and starts its tracks. */
export async function createSubmission(
  deps: IntakeDeps,
  req: { actor: Actor; body: CreateSubmission; idempotencyKey: string; today: string },
): Promise<SubmissionResult> {
  const { db } = deps;
  const { actor, body } = req;
  const keys = submissionKeys(body);
  const id = `SUB-${sha256(req.idempotencyKey).slice(0, 24)}`;
  const hasComplaint = body.kind !== 'report';
  const hasReport = body.kind !== 'complaint';
  await requireEngine(deps.temporal);

  const complaintNumber = hasComplaint
    ? (
        await allocateCaseNumber(db, {
          idempotencyKey: `${req.idempotencyKey}:complaint`,
          unitId: actor.unitId,
          year: yearOf(req.today),
          requestHash: requestHash(body),
          series: COMPLAINT_SERIES,
        })
      ).caseNumber
    : undefined;
  const sub = await storeSubmission(db, { id, actor, body, keys, complaintNumber });
  const repeat = await repeatOf(db, sub.repeatOf);

  if (complaintNumber) await startComplaint(deps, { actor, body, submissionId: id, complaintNumber, repeat });
  let caseNumber = sub.caseNumber ?? undefined;
  if (hasReport) {
    ({ caseNumber } = await startCase(deps, {
      idempotencyKey: `${req.idempotencyKey}:report`,
      actor,
      unitId: actor.unitId,
      clue: {
        source: 'complaint_report',
        respondent: body.respondent,
        summary: body.allegation!,
        discoveredOn: body.receivedOn,
      },
      today: req.today,
      report: { submissionId: id, realName: body.submitter.realName, hasEmail: !!body.submitter.email },
    }));
    if (!sub.caseNumber) await db.submission.update({ where: { id }, data: { caseNumber } });
  }
  return { submissionId: id, complaintNumber, caseNumber, repeatOf: sub.repeatOf };
}

type Keys = ReturnType<typeof submissionKeys>;

/** The Submission and its Person row, created once per idempotency key; a retry must be the same request. */
async function storeSubmission(
  db: Db,
  s: { id: string; actor: Actor; body: CreateSubmission; keys: Keys; complaintNumber?: string },
) {
  const same = <R extends { submitterKey: string; respondentKey: string; subjectKey: string; kind: string }>(
    row: R,
  ): R => {
    if (
      row.kind !== s.body.kind ||
      row.submitterKey !== s.keys.submitterKey ||
      row.respondentKey !== s.keys.respondentKey ||
      row.subjectKey !== s.keys.subjectKey
    )
      throw new AppError('IDEMPOTENCY_KEY_REUSED');
    return row;
  };
  const existing = await db.submission.findUnique({ where: { id: s.id } });
  if (existing) return same(existing);
  // Repeats: the same submitter, respondent and subject, earliest first. Linked, never rejected.
  const earlier = await db.submission.findMany({
    where: { ...s.keys },
    select: { id: true },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const { name, phone, email, idNumber, address, realName } = s.body.submitter;
  try {
    return await db.submission.create({
      data: {
        id: s.id,
        unitId: s.actor.unitId,
        kind: s.body.kind,
        channel: s.body.channel,
        ...s.keys,
        complaintNumber: s.complaintNumber ?? null,
        repeatOf: earlier.map((e) => e.id),
        receivedOn: s.body.receivedOn,
        createdBy: s.actor.id,
        person: { create: { name, phone, email, idNumber, address, realName } },
      },
    });
  } catch (err) {
    // The same request twice at once: the other one stored it.
    if ((err as { code?: string }).code !== 'P2002') throw err;
    return same(await db.submission.findUniqueOrThrow({ where: { id: s.id } }));
  }
}

async function repeatOf(db: Db, ids: string[]): Promise<Repeat> {
  const rows = await db.submission.findMany({ where: { id: { in: ids } } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const earlier = ids
    .map((i) => byId.get(i))
    .filter((r) => r !== undefined)
    .map((r) => ({
      submissionId: r.id,
      receivedOn: r.receivedOn,
      complaintNumber: r.complaintNumber,
      caseNumber: r.caseNumber,
    }));
  return { count: earlier.length, earlier };
}

async function startComplaint(
  deps: IntakeDeps,
  s: { actor: Actor; body: CreateSubmission; submissionId: string; complaintNumber: string; repeat: Repeat },
) {
  const pack = await resolveRulePack(deps.db, s.actor.unitId);
  const b = s.body;
  const input: ComplaintInput = {
    complaintNumber: s.complaintNumber,
    unitId: s.actor.unitId,
    submissionId: s.submissionId,
    channel: b.channel,
    respondent: b.respondent,
    subject: b.subject,
    claim: b.claim!,
    ...(b.purchaseDate ? { purchaseDate: b.purchaseDate } : {}),
    receivedOn: b.receivedOn,
    registeredBy: s.actor,
    warnBefore: [...pack.content.reminders.warnBeforeWD],
    rulePack: pack.ref,
    repeat: s.repeat,
  };
  try {
    await deps.temporal.workflow.start(COMPLAINT_WORKFLOW_TYPE, {
      workflowId: s.complaintNumber,
      taskQueue: deps.taskQueue,
      args: [input],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: [
        { key: CaseStageKey, value: 'acceptance' },
        { key: CaseUnitKey, value: s.actor.unitId },
        { key: OverdueKey, value: false },
      ],
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
  await projectRegistration(deps.db, {
    number: s.complaintNumber,
    kind: 'complaint',
    unitId: s.actor.unitId,
    stage: 'acceptance',
    source: 'complaint_report',
    respondent: b.respondent,
    summary: b.subject,
    discoveredOn: b.receivedOn,
    rulePack: pack.ref,
    createdBy: s.actor.id,
  });
}

/** The submitter's identity, for complaint handlers and administrators of the submission's unit or above; every
 * read is logged with its purpose (CRM 33). */
/** Who may read a submitter's identity (CRM 33; README, "Identity and access"): the complaint handlers of the
 * office that holds the submission, and of the office whose case came from its report (a mixed submission
 * whose complaint went to another office still has its reporter told by the office that keeps the report) —
 * not the handlers of the offices above; administrators of those offices or above, for the data's keeping. */
async function maySeeSubmitter(db: Db, actor: Actor, sub: { unitId: string; caseNumber: string | null }) {
  const offices = new Set([sub.unitId]);
  if (sub.caseNumber) {
    const c = await db.case.findUnique({ where: { number: sub.caseNumber }, select: { unitId: true } });
    if (c) offices.add(c.unitId);
  }
  if (actor.roles.includes('complaint_handler') && offices.has(actor.unitId)) return true;
  if (!actor.roles.includes('administrator')) return false;
  const below = await unitSubtree(db, actor.unitId);
  return [...offices].some((u) => below.includes(u));
}

export async function readSubmitter(db: Db, actor: Actor, id: string, purpose: string) {
  requireRole(actor, 'complaint_handler', 'administrator');
  const sub = await db.submission.findUnique({ where: { id }, include: { person: true } });
  if (!sub?.person) throw new AppError('NOT_FOUND');
  if (!(await maySeeSubmitter(db, actor, sub))) throw new AppError('FORBIDDEN_UNIT');
  await db.sensitiveRead.create({ data: { userId: actor.id, subject: `submission:${id}`, purpose } });
  const p = sub.person;
  return {
    submissionId: id,
    name: p.name,
    phone: p.phone,
    email: p.email,
    idNumber: p.idNumber,
    address: p.address,
    realName: p.realName,
  };
}
