// Case numbers (workflow IDs): <unit code>-<year>-<5-digit sequence>, one counter per unit and year, allocated
// in a transaction together with the registration's idempotency key, so a retried registration gets its
// number back instead of a new one. A series (e.g. "TS", 投诉, for complaints) has its own counter and numbers
// <unit code>-<series>-<year>-<5-digit sequence>.
import { createHash } from 'node:crypto';
import type { Db } from '../platform/db.js';
import { canonicalJson } from './audit-hash.js';
import { AppError } from '../schema/errors.js';

export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

export async function allocateCaseNumber(
  db: Db,
  opts: { idempotencyKey: string; unitId: string; year: number; requestHash: string; series?: string },
): Promise<{ caseNumber: string; reused: boolean }> {
  return db.$transaction(async (tx) => {
    // Requests with the same key at once wait for each other: the later one finds the earlier's number (without
    // this, both passed the lookup and the second failed on the key's unique index with a 500).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${opts.idempotencyKey}))`;
    const prior = await tx.registration.findUnique({ where: { idempotencyKey: opts.idempotencyKey } });
    if (prior) {
      if (prior.requestHash !== opts.requestHash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
      return { caseNumber: prior.caseNumber, reused: true };
    }
    const unit = await tx.unit.findUniqueOrThrow({ where: { id: opts.unitId } });
    // A series counts under "<unit code>/<series>": "/" never occurs in a unit code, so no unit shares it.
    const unitCode = opts.series ? `${unit.code}/${opts.series}` : unit.code;
    const counter = await tx.caseNumberCounter.upsert({
      where: { unitCode_year: { unitCode, year: opts.year } },
      create: { unitCode, year: opts.year, value: 1 },
      update: { value: { increment: 1 } },
    });
    const prefix = opts.series ? `${unit.code}-${opts.series}` : unit.code;
    const caseNumber = `${prefix}-${opts.year}-${String(counter.value).padStart(5, '0')}`;
    await tx.registration.create({
      data: { idempotencyKey: opts.idempotencyKey, caseNumber, requestHash: opts.requestHash },
    });
    return { caseNumber, reused: false };
  });
}
