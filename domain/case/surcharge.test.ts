// The late-payment surcharge (docs/rules.md, "Payment"; 行政处罚法第七十二条第一款第（一）项, 第七十三条第三款):
// 3% of the unpaid fine a day from the day after it was due, rounded down, capped at the fine, not counted while
// a reconsideration or lawsuit is pending.
import { describe, expect, it } from 'vitest';
import { computeSurcharge, formatYuan, type SurchargeInput } from './surcharge.js';

const FINE = 1_000_000; // ¥10,000: 3% a day is exactly ¥300
const once = (more: Partial<SurchargeInput> = {}): SurchargeInput => ({
  fineFen: FINE,
  instalments: [{ dueOn: '2026-01-31', amountFen: FINE }],
  payments: [],
  freezes: [],
  asOf: '2026-03-31',
  ...more,
});

describe('formatYuan', () => {
  it('yuan with thousands separators and two decimals', () => {
    expect(formatYuan(123_456)).toBe('¥1,234.56');
    expect(formatYuan(0)).toBe('¥0.00');
    expect(formatYuan(5)).toBe('¥0.05');
    expect(formatYuan(100_000_000_000)).toBe('¥1,000,000,000.00');
  });
});

describe('the surcharge (APL 72 ¶1 (1))', () => {
  it('nothing when the fine is paid on the day it is due', () => {
    const r = computeSurcharge(once({ payments: [{ paidOn: '2026-01-31', amountFen: FINE }] }));
    expect(r).toMatchObject({ surchargeFen: 0, capped: false, days: [], frozen: [] });
    expect(r.explanation.at(-1)).toMatch(/无逾期未缴/);
  });

  it('nothing before the first overdue day', () => {
    const r = computeSurcharge(once({ asOf: '2026-01-31' }));
    expect(r.surchargeFen).toBe(0);
    expect(r.days).toEqual([]);
  });

  it('paid in full on the sixth day after it was due: five overdue days of 3%', () => {
    const r = computeSurcharge(once({ payments: [{ paidOn: '2026-02-06', amountFen: FINE }] }));
    expect(r.days.map((d) => d.on)).toEqual([
      '2026-02-01',
      '2026-02-02',
      '2026-02-03',
      '2026-02-04',
      '2026-02-05',
    ]);
    expect(r.surchargeFen).toBe(5 * 30_000);
    expect(r.capped).toBe(false);
    expect(r.days[0]).toEqual({ on: '2026-02-01', baseFen: FINE, addedFen: 30_000, totalFen: 30_000 });
    expect(r.explanation[0]).toMatch(/第七十二条.*3%.*¥10,000\.00/);
    expect(r.explanation[1]).toBe(
      '2026-02-01 未缴 ¥10,000.00 × 3% = ¥300.00，累计 ¥300.00 / unpaid ¥10,000.00 × 3% = ¥300.00, total ¥300.00',
    );
    expect(r.explanation).toHaveLength(1 + 5);
  });

  it('capped at the fine: unpaid for 40 days, 33 full days and a 34th up to the cap, then nothing more', () => {
    const r = computeSurcharge(once({ asOf: '2026-03-12' })); // 40 days overdue: 02-01 … 03-12
    expect(r.surchargeFen).toBe(FINE);
    expect(r.capped).toBe(true);
    expect(r.days).toHaveLength(34);
    expect(r.days[32]).toMatchObject({ on: '2026-03-05', addedFen: 30_000, totalFen: 990_000 });
    expect(r.days[33]).toEqual({ on: '2026-03-06', baseFen: FINE, addedFen: 10_000, totalFen: FINE });
    expect(r.explanation.at(-2)).toMatch(/= ¥300\.00，封顶计 ¥100\.00，累计 ¥10,000\.00/);
    expect(r.explanation.at(-1)).toMatch(/^封顶/);
    // A year later it is still the fine.
    expect(computeSurcharge(once({ asOf: '2027-03-12' })).surchargeFen).toBe(FINE);
  });

  it('rounds each day down to the fen, in the party’s favour', () => {
    const odd = { fineFen: 333, instalments: [{ dueOn: '2026-01-31', amountFen: 333 }] };
    const r = computeSurcharge(once({ ...odd, asOf: '2026-02-03' }));
    expect(r.days.map((d) => d.addedFen)).toEqual([9, 9, 9]); // 333 × 3% = 9.99
    expect(r.surchargeFen).toBe(27);
    // 37 × 9 = 333: the cap is reached on the 37th day.
    const later = computeSurcharge(once({ ...odd, asOf: '2026-12-31' }));
    expect(later).toMatchObject({ surchargeFen: 333, capped: true });
    expect(later.days).toHaveLength(37);
  });

  it('a partial payment reduces the base from the day it is made', () => {
    const r = computeSurcharge(
      once({
        payments: [
          { paidOn: '2026-02-05', amountFen: 600_000 },
          { paidOn: '2026-02-03', amountFen: 400_000 }, // out of order on purpose
        ],
      }),
    );
    expect(r.days.map((d) => [d.on, d.baseFen, d.addedFen])).toEqual([
      ['2026-02-01', FINE, 30_000],
      ['2026-02-02', FINE, 30_000],
      ['2026-02-03', 600_000, 18_000],
      ['2026-02-04', 600_000, 18_000],
    ]);
    expect(r.surchargeFen).toBe(96_000);
  });

  it('instalments: each is overdue from the day after its own due date; only the late one accrues', () => {
    const instalments = [
      { dueOn: '2026-02-28', amountFen: 500_000 },
      { dueOn: '2026-01-31', amountFen: 500_000 },
    ];
    const r = computeSurcharge(
      once({
        instalments,
        payments: [
          { paidOn: '2026-01-31', amountFen: 500_000 },
          { paidOn: '2026-03-03', amountFen: 500_000 },
        ],
      }),
    );
    expect(r.days.map((d) => d.on)).toEqual(['2026-03-01', '2026-03-02']);
    expect(r.days.every((d) => d.baseFen === 500_000 && d.addedFen === 15_000)).toBe(true);
    expect(r.surchargeFen).toBe(30_000);
  });

  it('payments go to the earliest instalment first', () => {
    const r = computeSurcharge(
      once({
        instalments: [
          { dueOn: '2026-01-31', amountFen: 500_000 },
          { dueOn: '2026-02-28', amountFen: 500_000 },
        ],
        payments: [{ paidOn: '2026-02-10', amountFen: 500_000 }],
        asOf: '2026-03-02',
      }),
    );
    // 02-01 … 02-09 on the first instalment, then 03-01 and 03-02 on the second.
    expect(r.days).toHaveLength(11);
    expect(r.surchargeFen).toBe(11 * 15_000);
  });
});

describe('reconsideration or a lawsuit pending (APL 73 ¶3)', () => {
  it('days in the middle are not counted and are shown as a frozen run', () => {
    const r = computeSurcharge(
      once({ freezes: [{ from: '2026-02-03', to: '2026-02-05' }], asOf: '2026-02-10' }),
    );
    expect(r.days).toHaveLength(7);
    expect(r.surchargeFen).toBe(7 * 30_000);
    expect(r.frozen).toEqual([{ from: '2026-02-03', to: '2026-02-05', days: 3 }]);
    const i = r.explanation.findIndex((l) => l.includes('第七十三条第三款'));
    expect(r.explanation[i]).toMatch(/^2026-02-03 至 2026-02-05 共 3 日/);
    // In date order: after 02-02, before 02-06.
    expect(r.explanation[i - 1]).toMatch(/^2026-02-02/);
    expect(r.explanation[i + 1]).toMatch(/^2026-02-06/);
  });

  it('a freeze that began before the fine was due is clipped to the first overdue day', () => {
    const r = computeSurcharge(
      once({ freezes: [{ from: '2026-01-20', to: '2026-02-02' }], asOf: '2026-02-04' }),
    );
    expect(r.frozen).toEqual([{ from: '2026-02-01', to: '2026-02-02', days: 2 }]);
    expect(r.days.map((d) => d.on)).toEqual(['2026-02-03', '2026-02-04']);
  });

  it('an open freeze stops accrual up to asOf', () => {
    const r = computeSurcharge(once({ freezes: [{ from: '2026-02-04' }], asOf: '2026-02-28' }));
    expect(r.surchargeFen).toBe(3 * 30_000);
    expect(r.frozen).toEqual([{ from: '2026-02-04', to: '2026-02-28', days: 25 }]);
    expect(r.capped).toBe(false);
  });

  it('rejects amounts that are not whole fen and dates that are not dates', () => {
    expect(() => computeSurcharge(once({ fineFen: 10.5 }))).toThrow(RangeError);
    expect(() => computeSurcharge(once({ asOf: '2026-02-30' }))).toThrow(RangeError);
  });
});
