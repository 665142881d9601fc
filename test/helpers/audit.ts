// Every audit entry a suite's cases wrote has the shape its action's schema says (schema/events.ts).
import { expect } from 'vitest';
import type { Db } from '../../platform/db.js';
import { AuditEventSchema } from '../../schema/events.js';

export async function expectTypedAuditTrail(db: Db): Promise<number> {
  const rows = await db.auditEntry.findMany({
    select: { caseNumber: true, seq: true, action: true, details: true },
  });
  const bad = rows
    .map((r) => ({ r, parsed: AuditEventSchema.safeParse({ action: r.action, details: r.details }) }))
    .filter((x) => !x.parsed.success)
    .map(
      (x) =>
        `${x.r.caseNumber}#${x.r.seq} ${x.r.action}: ${x.parsed.error!.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
    );
  expect(bad).toEqual([]);
  return rows.length;
}
