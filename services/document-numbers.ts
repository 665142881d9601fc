// Document numbers (文书编号): one series per kind of document, unit and year, e.g. `DC市监处罚〔2026〕12号`.
// A number is allocated once for its key (the case and the document it numbers) in the same transaction as its
// counter, so a retried allocation returns the same number and no number is used twice or skipped.
import type { Db } from '../platform/db.js';

/** The kinds numbered so far, with the word of their series. */
export const DOCUMENT_SERIES = {
  penalty_decision: '处罚', // 行政处罚决定书
  no_penalty_decision: '不罚', // 不予行政处罚决定书
} as const;
export type DocumentKind = keyof typeof DOCUMENT_SERIES;

export async function allocateDocumentNumber(
  db: Db,
  req: { key: string; unitId: string; kind: DocumentKind; year: number },
): Promise<string> {
  return db.$transaction(async (tx) => {
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
    const text = `${unit.code}市监${DOCUMENT_SERIES[req.kind]}〔${req.year}〕${counter.value}号`;
    await tx.documentNumber.create({
      data: { key: req.key, unitId: req.unitId, kind: req.kind, year: req.year, value: counter.value, text },
    });
    return text;
  });
}
