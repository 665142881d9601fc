// The public list of penalty decisions (行政处罚信息公示, PUB): what the case's workflow publishes, and what anyone
// may read without signing in. A row is written only by its case's workflow; each write carries the version of
// the case's publicity, and an older write never overwrites a newer one (a retried activity is harmless).
import { createHash } from 'node:crypto';
import type { Db } from '../platform/db.js';
import type { Publication } from '../schema/execution.js';
import type { IsoDate } from '../schema/values/dates.js';

export type PublicationStatus = 'published' | 'ended' | 'withdrawn' | 'repaired';

export interface PublicationRow {
  caseNumber: string;
  unitId: string;
  documentNumber: string;
  respondent: string;
  uscc: string | null;
  penaltySummary: string;
  decidedOn: IsoDate;
  publishedOn: IsoDate;
  endsOn: IsoDate;
  text: string;
}

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Publishes (or republishes, for a changed decision) a case's record at `version`. */
export async function writePublication(db: Db, row: PublicationRow, version: number): Promise<void> {
  const data = { ...row, status: 'published', textSha256: sha256(row.text), version, updatedAt: new Date() };
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`publication:${row.caseNumber}`}))`;
    const prior = await tx.publication.findUnique({ where: { caseNumber: row.caseNumber } });
    if (!prior) await tx.publication.create({ data });
    else if (prior.version < version)
      await tx.publication.update({ where: { caseNumber: row.caseNumber }, data });
  });
}

/** The record stops being shown (ended, withdrawn, repaired) at `version`. */
export async function endPublication(
  db: Db,
  caseNumber: string,
  status: Exclude<PublicationStatus, 'published'>,
  version: number,
): Promise<void> {
  await db.publication.updateMany({
    where: { caseNumber, version: { lt: version } },
    data: { status, version, updatedAt: new Date() },
  });
}

/** What is shown today: published, not past its last day; newest first. */
export async function listPublished(
  db: Db,
  today: IsoDate,
  page: { limit: number; offset: number },
): Promise<{ total: number; items: Publication[] }> {
  const where = { status: 'published', endsOn: { gte: today } };
  const [total, rows] = await Promise.all([
    db.publication.count({ where }),
    db.publication.findMany({
      where,
      orderBy: [{ publishedOn: 'desc' }, { caseNumber: 'asc' }],
      take: page.limit,
      skip: page.offset,
    }),
  ]);
  const units = new Map(
    (await db.unit.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.unitId))] } } })).map((u) => [
      u.id,
      u.name,
    ]),
  );
  return {
    total,
    items: rows.map((r) => ({
      documentNumber: r.documentNumber,
      unitName: units.get(r.unitId) ?? r.unitId,
      respondent: r.respondent,
      uscc: r.uscc,
      penaltySummary: r.penaltySummary,
      decidedOn: r.decidedOn,
      publishedOn: r.publishedOn,
      endsOn: r.endsOn,
      text: r.text,
    })),
  };
}
