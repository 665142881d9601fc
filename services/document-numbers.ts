// Document numbers (文书编号): one series per kind of document, unit and year, e.g. `DC市监处罚〔2026〕12号`.
// A number is allocated once for its key (the document it numbers) in the same transaction as its counter, so a
// retried allocation returns the same number and no number is used twice or skipped. The series of every kind
// is in the documents catalogue (domain/documents/catalogue.ts).
import { KINDS } from '../domain/documents/catalogue.js';
import type { Db } from '../platform/db.js';
import type { DocumentKind as AnyDocumentKind } from '../schema/document.js';

/** The kinds a case's workflow numbers itself (its decisions). */
export type DocumentKind = 'penalty_decision' | 'no_penalty_decision';

export interface NumberRequest {
  key: string;
  unitId: string;
  kind: AnyDocumentKind;
  year: number;
}

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export async function allocateDocumentNumber(db: Db, req: NumberRequest): Promise<string> {
  return db.$transaction((tx) => allocateDocumentNumberIn(tx as unknown as Tx, req));
}

/** The same, inside a caller's transaction (the number is used only if the caller's transaction commits). */
export async function allocateDocumentNumberIn(tx: Tx, req: NumberRequest): Promise<string> {
  // Two attempts with the same key at once (an activity retried while the first still runs) wait for each
  // other, so the second finds the first's number instead of using up another.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${req.key}))`;
  const prior = await tx.documentNumber.findUnique({ where: { key: req.key } });
  if (prior) return prior.text;
  const unit = await tx.unit.findUniqueOrThrow({ where: { id: req.unitId } });
  // A series counts under "<unit code>/DOC-<kind>": "/" never occurs in a unit code, so no case series shares it.
  const counter = await tx.caseNumberCounter.upsert({
    where: { unitCode_year: { unitCode: `${unit.code}/DOC-${req.kind}`, year: req.year } },
    create: { unitCode: `${unit.code}/DOC-${req.kind}`, year: req.year, value: 1 },
    update: { value: { increment: 1 } },
  });
  const text = `${unit.code}市监${KINDS[req.kind].series}〔${req.year}〕${counter.value}号`;
  await tx.documentNumber.create({
    data: { key: req.key, unitId: req.unitId, kind: req.kind, year: req.year, value: counter.value, text },
  });
  return text;
}
