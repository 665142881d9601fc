// The layout process: deterministic output, replaced after its quota of documents, and started again when it
// has died. (Real Typst, real fonts: the bootstrap installs fonts-noto-cjk.)
import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import type { DocumentBody } from '../../schema/document.js';
import { documentPdf, layoutLimits, layoutPid, stopLayout } from './pdf.js';

const body = (number: string): DocumentBody => ({
  kind: 'penalty_notice',
  authority: '演示市东城区市场监督管理局',
  title: '行政处罚告知书',
  number,
  addressee: '演示商贸有限公司',
  blocks: [{ type: 'para', text: '经查，当事人销售超过保质期的食品。' }],
  signedOn: '2026-12-03',
  notes: [],
});
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

afterAll(() => stopLayout());

describe('document layout process', () => {
  it('lays out the same document as the same bytes, another one differently', async () => {
    const a = await documentPdf(body('DC市监罚告〔2026〕1号'));
    const b = await documentPdf(body('DC市监罚告〔2026〕1号'));
    const c = await documentPdf(body('DC市监罚告〔2026〕2号'));
    expect(a.subarray(0, 5).toString()).toBe('%PDF-');
    expect(sha(a)).toBe(sha(b));
    expect(sha(a)).not.toBe(sha(c));
  }, 60_000);

  it('is replaced after its quota of documents, and started again after it died', async () => {
    const quota = layoutLimits.perProcess;
    layoutLimits.perProcess = 2;
    try {
      stopLayout();
      await documentPdf(body('1'));
      const first = layoutPid();
      await documentPdf(body('2'));
      expect(layoutPid()).toBe(first);
      await documentPdf(body('3'));
      const second = layoutPid();
      expect(second).not.toBe(first);
      // Killed (a crash, the OOM killer): the request after it is laid out by a new process.
      process.kill(second!, 'SIGKILL');
      await new Promise((r) => setTimeout(r, 200));
      expect((await documentPdf(body('4'))).subarray(0, 5).toString()).toBe('%PDF-');
      expect(layoutPid()).not.toBe(second);
    } finally {
      layoutLimits.perProcess = quota;
    }
  }, 60_000);
});
