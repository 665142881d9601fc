// `npm run bench` — benchmarks (never timed tests). Figures go to the README.
// 1. Computing a deadline: what every clock does on each change and what a calendar load does for every
//    open deadline (a bureau has thousands).
// 2. Memory of many clock states held at once.
import { builtinCalendar } from '../activities/calendar/builtin.js';
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
