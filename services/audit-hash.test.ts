import { describe, expect, it } from 'vitest';
import { auditHash, canonicalJson, GENESIS_HASH, verifyChain, type ChainRow } from './audit-hash.js';

function chain(n: number): ChainRow[] {
  const rows: ChainRow[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const content = {
      caseNumber: 'C',
      seq,
      at: `2026-11-2${seq}T00:00:00.000Z`,
      actorId: 'u',
      action: `a${seq}`,
      details: { seq },
    };
    const hash = auditHash(prev, content);
    rows.push({ ...content, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe('audit hash chain', () => {
  it('is canonical: key order does not change the JSON', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}',
    );
  });
  it('verifies an intact chain', () => {
    expect(verifyChain(chain(3))).toEqual({ ok: true, entries: 3 });
  });
  it('detects changed content, a broken link and a missing entry', () => {
    const edited = chain(3);
    edited[1]!.details = { seq: 99 };
    expect(verifyChain(edited)).toMatchObject({
      ok: false,
      brokenAt: 2,
      reason: 'content does not match its hash',
    });
    const relinked = chain(3);
    relinked[2]!.prevHash = GENESIS_HASH;
    expect(verifyChain(relinked)).toMatchObject({ ok: false, brokenAt: 3 });
    const gap = chain(3);
    gap.splice(1, 1);
    expect(verifyChain(gap)).toMatchObject({ ok: false, brokenAt: 3, reason: 'expected seq 2' });
  });
  it('is anchored: entries removed from the end, or all of them, do not verify', () => {
    expect(verifyChain(chain(3), 3)).toEqual({ ok: true, entries: 3 });
    expect(verifyChain(chain(2), 3)).toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: expect.stringMatching(/entries missing/),
    });
    expect(verifyChain([], 3)).toMatchObject({ ok: false, entries: 0, brokenAt: 1 });
  });
});
