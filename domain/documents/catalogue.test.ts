// The documents catalogue: every kind has its spec, a title, a series of its own, and is described in the
// product's documentation (docs/documents.md), which users read instead of the code.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS } from '../../schema/document.js';
import { KINDS, documentId } from './catalogue.js';

describe('documents catalogue', () => {
  it('has a spec for every kind, under its own key, with its own number series', () => {
    expect(Object.keys(KINDS).sort()).toEqual([...DOCUMENT_KINDS].sort());
    for (const k of DOCUMENT_KINDS) expect(KINDS[k].kind).toBe(k);
    const series = DOCUMENT_KINDS.map((k) => KINDS[k].series);
    expect(new Set(series).size).toBe(series.length);
  });

  it('is documented: every kind and title appears in docs/documents.md', () => {
    const doc = readFileSync(path.join(import.meta.dirname, '..', '..', 'docs', 'documents.md'), 'utf8');
    for (const k of DOCUMENT_KINDS) {
      expect(doc).toContain(`\`${k}\``);
      expect(doc).toContain(KINDS[k].title);
    }
  });

  it('names a document by its case, kind and the step it records', () => {
    expect(documentId('DC-2026-00001', 'penalty_decision', 42)).toBe('DC-2026-00001/penalty_decision/42');
  });
});

describe('periods in a document’s words', () => {
  it('come from the rules: their length and unit', async () => {
    const { periodZh, numberZh } = await import('./common.js');
    const P = await import('../rules/periods.js');
    expect(periodZh(P.PAYMENT)).toBe('十五日');
    expect(periodZh(P.DEFENCE)).toBe('五个工作日');
    expect(periodZh(P.LAWSUIT)).toBe('六个月');
    expect(periodZh(P.RECONSIDERATION_RIGHTS_NOT_EXPLAINED)).toBe('一年');
    expect(periodZh(P.TRANSFER_HANDOVER)).toBe('二十四小时');
    expect(periodZh(P.PAYMENT_DEMAND, true)).toBe('十日');
    expect([numberZh(7), numberZh(10), numberZh(24), numberZh(90)]).toEqual(['七', '十', '二十四', '九十']);
  });
});
