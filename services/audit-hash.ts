// The audit trail's hash chain: each entry hashes the previous entry's hash and its own canonical content.
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level, so equal content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface AuditContent {
  caseNumber: string;
  seq: number;
  at: string;
  actorId: string;
  action: string;
  details: unknown;
}

export function auditHash(prevHash: string, e: AuditContent): string {
  return createHash('sha256')
    .update(prevHash)
    .update(
      canonicalJson({
        caseNumber: e.caseNumber,
        seq: e.seq,
        at: new Date(e.at).toISOString(),
        actorId: e.actorId,
        action: e.action,
        details: e.details,
      }),
    )
    .digest('hex');
}

export interface ChainRow extends AuditContent {
  prevHash: string;
  hash: string;
}

export type ChainCheck =
  { ok: true; entries: number } | { ok: false; entries: number; brokenAt: number; reason: string };

/** Verifies a case's entries (ordered by seq): contiguous numbering, each prevHash links, each hash recomputes. */
/** Verifies a matter's chain; `anchor` is the last sequence number the matter recorded (its row's `auditSeq`):
 * fewer entries than that means entries were removed from its end. */
export function verifyChain(rows: ChainRow[], anchor = 0): ChainCheck {
  if (rows.length < anchor)
    return {
      ok: false,
      entries: rows.length,
      brokenAt: rows.length + 1,
      reason: `entries missing: the matter recorded ${anchor}`,
    };
  let prev = GENESIS_HASH;
  for (const [i, r] of rows.entries()) {
    if (r.seq !== i + 1)
      return { ok: false, entries: rows.length, brokenAt: r.seq, reason: `expected seq ${i + 1}` };
    if (r.prevHash !== prev)
      return {
        ok: false,
        entries: rows.length,
        brokenAt: r.seq,
        reason: 'prevHash does not match the previous entry',
      };
    if (auditHash(prev, r) !== r.hash)
      return { ok: false, entries: rows.length, brokenAt: r.seq, reason: 'content does not match its hash' };
    prev = r.hash;
  }
  return { ok: true, entries: rows.length };
}
