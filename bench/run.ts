// `npm run bench` — benchmarks (never timed tests). Figures go to the README.
// 1. Computing a deadline: what every clock does on each change and what a calendar load does for every
//    open deadline (a bureau has thousands).
// 2. Memory of many clock states held at once.
import { builtinCalendar } from '../services/calendar/builtin.js';
import { addDays } from '../schema/values/dates.js';
import { computeClock, extendClock, pauseClock, resumeClock, startClock } from '../domain/clock/clock.js';
import { CASE_DECISION, FILING_DECISION } from '../domain/rules/periods.js';

const cal = builtinCalendar();

function bench(name: string, fn: (i: number) => unknown, seconds = 2) {
  for (let i = 0; i < 1000; i++) fn(i); // warm-up
  let n = 0;
  const t0 = process.hrtime.bigint();
  const end = t0 + BigInt(seconds * 1e9);
  while (process.hrtime.bigint() < end) for (let k = 0; k < 100; k++) fn(n++);
  const ns = Number(process.hrtime.bigint() - t0);
  console.log(
    `${name.padEnd(58)} ${(n / (ns / 1e9)).toFixed(0).padStart(9)} ops/s  ${(ns / n / 1000).toFixed(1).padStart(7)} µs/op`,
  );
}

const starts = Array.from({ length: 365 }, (_, i) => addDays('2026-01-01', i));
bench('filing period, 15 WD (computeClock)', (i) =>
  computeClock(cal, startClock(FILING_DECISION, starts[i % 365]!, [3, 1])),
);
bench('case period, 90 CD + 30 CD extension + 2 pauses', (i) => {
  let s = startClock(CASE_DECISION, starts[i % 200]!, [3, 1]);
  const d = s.startedOn;
  s = pauseClock(s, { from: addDays(d, 10), reason: '检测', approvedBy: 'h' });
  s = resumeClock(s, addDays(d, 25));
  s = pauseClock(s, { from: addDays(d, 40), reason: '听证', approvedBy: 'h' });
  s = resumeClock(s, addDays(d, 47));
  s = extendClock(s, { days: 30, on: addDays(d, 80), approvedBy: 'h', basis: 'b' });
  return computeClock(cal, s);
});

const N = 10_000;
globalThis.gc?.();
const before = process.memoryUsage().heapUsed;
const held = Array.from({ length: N }, (_, i) => {
  const s = startClock(FILING_DECISION, starts[i % 365]!, [3, 1]);
  return { s, c: computeClock(cal, s) };
});
globalThis.gc?.();
const after = process.memoryUsage().heapUsed;
console.log(
  `${`memory of ${N} filing clocks with their explanation`.padEnd(58)} ${((after - before) / N / 1024).toFixed(1).padStart(9)} KiB each (${held.length})`,
);

// 3. What every command costs before it is applied: the validator's guard on a well-filled case, and loading a
//    provincial rule pack (validation and merge).
const { checkConclude } = await import('../domain/case/guards.js');
const { emptyInvestigation } = await import('../domain/case/investigation-state.js');
const { NATIONAL_DEFAULTS } = await import('../domain/rules/packs/national.js');
const { mergePack } = await import('../domain/rules/packs/merge.js');
const { RulePackFileSchema } = await import('../schema/rule-pack.js');
const { readFileSync } = await import('node:fs');
const inv = emptyInvestigation();
inv.investigators = Array.from({ length: 8 }, (_, i) => `o${i}`);
for (let i = 0; i < 40; i++) {
  inv.testing.push({
    id: `T${i}`,
    kind: 'testing',
    description: 'x',
    startedOn: '2026-01-02',
    finishedOn: '2026-01-09',
    seizureIds: [],
  });
  inv.measures.push({
    id: `M${i}`,
    kind: 'seizure',
    items: ['x'],
    status: 'released',
    approvalId: `A${i}`,
    extended: false,
  });
  inv.approvals.push({
    id: `A${i}`,
    kind: 'seizure',
    requestedBy: ['o1', 'o2'],
    requestedOn: '2026-01-02',
    reasons: 'r',
    status: 'approved',
    payload: {},
  });
  inv.evidence.push({
    id: `E${i}`,
    type: 'documentary',
    description: 'x',
    collectedAt: '2026-01-02T00:00:00Z',
  });
}
const facts = {
  today: '2026-11-20',
  stage: 'investigation' as const,
  unitId: 'dc',
  filingExtensions: 0,
  investigation: inv,
  pack: NATIONAL_DEFAULTS,
};
const officer = { id: 'o1', displayName: 'o1', roles: ['case_officer' as const], unitId: 'dc' };
const ref = (id: string, roles = ['case_officer']) => ({
  id,
  unitId: 'dc',
  roles,
  certificateNo: `ZF-${id}`,
});
bench('guard: conclude a case with 40 tests, measures, approvals', () =>
  checkConclude(facts, officer, [ref('o1'), ref('o2')], ref('r1', ['legal_reviewer'])),
);
const packFile = JSON.parse(readFileSync('config/rule-packs/prv.example.json', 'utf8'));
bench('rule pack: validate a provincial file and merge it', () => {
  const f = RulePackFileSchema.parse(packFile);
  return f.scope === 'province' ? mergePack(NATIONAL_DEFAULTS, f.overrides) : f.content;
});

// 4. Enforcement documents: laying out one document (Typst, deterministic PDF), its .docx, and a case file of 30
//    documents; the memory the layout engine holds once its fonts are loaded.
const { documentPdf, caseFilePdf, layoutLimits, stopLayout } = await import('../platform/documents/pdf.js');
const { documentDocx } = await import('../platform/documents/docx.js');
const { DocumentBodySchema } = await import('../schema/document.js');
const longFacts =
  '当事人于2026年3月1日起在其经营场所销售超过保质期的饼干，货值金额二千元，违法所得五百元。'.repeat(8);
const decisionBody = DocumentBodySchema.parse({
  kind: 'penalty_decision',
  authority: '演示市东城区市场监督管理局',
  title: '行政处罚决定书',
  number: 'DC市监处罚〔2026〕1号',
  blocks: [
    { type: 'para', text: '当事人：演示商贸有限公司\n统一社会信用代码：91350100M000100Y43' },
    { type: 'para', text: `经查，${longFacts}` },
    {
      type: 'para',
      text: '依据《中华人民共和国食品安全法》第一百二十四条第一款第（五）项，本机关决定：罚款人民币5,000.00元。',
    },
    {
      type: 'table',
      head: ['序号', '证据'],
      rows: Array.from({ length: 10 }, (_, i) => [String(i + 1), '现场笔录']),
    },
  ],
  signedOn: '2026-03-05',
});
{
  // Through the layout process, as the API does: one at a time, the first starting the process.
  let t0 = performance.now();
  await documentPdf(decisionBody);
  console.log(
    `${'document: the first one (starts the layout process)'.padEnd(58)} ${(performance.now() - t0).toFixed(0).padStart(9)} ms`,
  );
  const times: number[] = [];
  let k = 0;
  t0 = performance.now();
  while (performance.now() - t0 < 5000) {
    const t = performance.now();
    // Each one has another number, so the layout engine's cache cannot answer for it.
    await documentPdf({ ...decisionBody, number: `DC市监处罚〔2026〕${k++}号` });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${'document: lay out a 2-page penalty decision as PDF'.padEnd(58)} ${(times.length / 5).toFixed(0).padStart(9)} ops/s  p50 ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms, p99 ${times[Math.floor(times.length * 0.99)]!.toFixed(1)} ms (${times.length} documents, the process replaced every ${layoutLimits.perProcess})`,
  );
}
{
  const t0 = performance.now();
  let docs = 0;
  while (performance.now() - t0 < 3000) {
    await documentDocx(decisionBody);
    docs++;
  }
  console.log(`${'document: the same as .docx'.padEnd(58)} ${(docs / 3).toFixed(0).padStart(9)} ops/s`);
}
{
  const docs = Array.from({ length: 30 }, (_, i) => ({
    ...decisionBody,
    number: `DC市监处罚〔2026〕${i}号`,
  }));
  const t0 = performance.now();
  const pdf = await caseFilePdf({
    cover: { authority: decisionBody.authority, rows: [['案件编号', 'DC-2026-00001']] },
    documents: docs,
  });
  console.log(
    `${'case file of 30 documents'.padEnd(58)} ${(performance.now() - t0).toFixed(0).padStart(9)} ms, ${(pdf.length / 1024).toFixed(0)} KiB`,
  );
}
stopLayout();
