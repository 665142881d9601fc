// Loads what a case's documents are made of (domain/documents/facts.ts) from the projection and the audit trail.
import type { CaseFacts } from '../../domain/documents/facts.js';
import type { Db } from '../../platform/db.js';
import type { Respondent } from '../../schema/case.js';
import { chinaDateOf } from '../../schema/values/dates.js';

/** Every string of the trail that may be a user id: the people a document names are looked up by these. */
function idsIn(value: unknown, out: Set<string>) {
  if (typeof value === 'string' && value.length <= 64) out.add(value);
  else if (Array.isArray(value)) for (const v of value) idsIn(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) idsIn(v, out);
}

export async function loadCaseFacts(db: Db, number: string): Promise<CaseFacts> {
  const c = await db.case.findUniqueOrThrow({ where: { number } });
  const [unit, steps, evidence, issued] = await Promise.all([
    db.unit.findUniqueOrThrow({ where: { id: c.unitId }, include: { parent: true } }),
    db.auditEntry.findMany({ where: { caseNumber: number }, orderBy: { seq: 'asc' } }),
    db.evidence.findMany({ where: { caseNumber: number }, orderBy: { collectedAt: 'asc' } }),
    db.documentEntry.findMany({
      where: { caseNumber: number, action: 'document.issued' },
      select: { documentId: true, number: true, title: true },
    }),
  ]);
  const ids = new Set<string>([c.createdBy]);
  for (const s of steps) {
    ids.add(s.actorId);
    idsIn(s.details, ids);
  }
  for (const e of evidence) for (const id of e.collectedBy) ids.add(id);
  const users = await db.user.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, displayName: true, certificateNo: true },
  });
  return {
    number: c.number,
    unit: { id: unit.id, code: unit.code, name: unit.name, parentName: unit.parent?.name ?? null },
    stage: c.stage,
    status: c.status,
    source: c.source,
    respondent: c.respondent as Respondent,
    summary: c.summary,
    discoveredOn: c.discoveredOn,
    createdAt: c.createdAt.toISOString(),
    createdBy: c.createdBy,
    steps: steps.map((s) => ({
      seq: s.seq,
      at: s.at.toISOString(),
      on: chinaDateOf(s.at.getTime()),
      actorId: s.actorId,
      action: s.action,
      details: s.details as Record<string, unknown>,
    })),
    evidence: evidence.map((e) => ({
      id: e.id,
      type: e.type,
      description: e.description,
      collectedAt: e.collectedAt.toISOString(),
      place: e.place,
      collectedBy: e.collectedBy,
    })),
    people: Object.fromEntries(
      users.map((u) => [u.id, { name: u.displayName, certificateNo: u.certificateNo }]),
    ),
    issued: Object.fromEntries(issued.map((d) => [d.documentId, { number: d.number ?? '', title: d.title }])),
  };
}
