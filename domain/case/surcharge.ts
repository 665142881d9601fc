// The late-payment surcharge (加处罚款; docs/rules.md, "Payment"). Pure: from the fine's instalments, the payments
// toward it and the reconsiderations or lawsuits pending, the surcharge as of a day, day by day, with the lines
// that explain it to the party. Amounts are integer fen.
import { addDays, isIsoDate, type IsoDate } from '../../schema/values/dates.js';

/** 行政处罚法第七十二条第一款第（一）项: 3% of the fine a day, at most the fine itself. */
export const SURCHARGE_PERCENT_PER_DAY = 3;

/** A part of the fine due on a day (one item when it is paid at once). */
export interface FineInstalment {
  dueOn: IsoDate;
  amountFen: number;
}
/** A payment toward the fine (not toward the surcharge). */
export interface FinePayment {
  paidOn: IsoDate;
  amountFen: number;
}
/** A reconsideration or lawsuit pending from `from` to `to`, both inclusive (no `to`: still pending). */
export interface Freeze {
  from: IsoDate;
  to?: IsoDate;
}
/** One day on which the surcharge accrued. */
export interface SurchargeDay {
  on: IsoDate;
  baseFen: number;
  addedFen: number;
  totalFen: number;
}
export interface SurchargeResult {
  fineFen: number;
  surchargeFen: number;
  capped: boolean;
  /** Each accruing day, in order; accrual stops at the cap. */
  days: SurchargeDay[];
  /** Runs of overdue days not counted because a reconsideration or lawsuit was pending. */
  frozen: { from: IsoDate; to: IsoDate; days: number }[];
  /** Bilingual lines: the rule and the cap, each accruing day, each frozen run, and "封顶" when capped. */
  explanation: string[];
}

export interface SurchargeInput {
  fineFen: number;
  instalments: FineInstalment[];
  payments: FinePayment[];
  freezes: Freeze[];
  asOf: IsoDate;
}

/** An amount in fen as yuan: 123456 → "¥1,234.56". */
export function formatYuan(fen: number): string {
  const abs = Math.abs(Math.trunc(fen));
  const yuan = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fen < 0 ? '-' : ''}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

const byDate =
  <T>(key: (x: T) => IsoDate) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

function check(input: SurchargeInput): void {
  const fen = (n: number, what: string) => {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what}: not a whole number of fen: ${n}`);
  };
  const date = (d: IsoDate | undefined, what: string) => {
    if (d !== undefined && !isIsoDate(d)) throw new RangeError(`${what}: not a date (YYYY-MM-DD): ${d}`);
  };
  fen(input.fineFen, 'fineFen');
  date(input.asOf, 'asOf');
  for (const i of input.instalments) {
    fen(i.amountFen, 'instalment');
    date(i.dueOn, 'dueOn');
  }
  for (const p of input.payments) {
    fen(p.amountFen, 'payment');
    date(p.paidOn, 'paidOn');
  }
  for (const f of input.freezes) {
    date(f.from, 'freeze.from');
    date(f.to, 'freeze.to');
  }
}

/**
 * The surcharge as of `asOf` (行政处罚法第七十二条第一款第（一）项; 第七十三条第三款). An instalment is overdue from
 * the day after it was due. Payments go to the earliest instalments first and count from the day they are made.
 * Each overdue day adds 3% of what is overdue and unpaid that day, rounded down to the fen in the party's
 * favour, until the surcharge reaches the fine. Days while a reconsideration or lawsuit is pending add nothing.
 */
export function computeSurcharge(input: SurchargeInput): SurchargeResult {
  check(input);
  const { fineFen, asOf } = input;
  const instalments = [...input.instalments].sort(byDate((i) => i.dueOn));
  const payments = [...input.payments].sort(byDate((p) => p.paidOn));
  const frozenOn = (d: IsoDate) =>
    input.freezes.some((f) => f.from <= d && (f.to === undefined || d <= f.to));

  const explanation = [
    `行政处罚法第七十二条第一款第（一）项：到期不缴纳罚款的，每日按未缴罚款的${SURCHARGE_PERCENT_PER_DAY}%加处罚款，` +
      `总额不超过罚款数额 ${formatYuan(fineFen)}（不足一分的部分不计）/ APL 72 ¶1 (1): ` +
      `${SURCHARGE_PERCENT_PER_DAY}% of the unpaid fine a day, rounded down to the fen, at most the fine ${formatYuan(fineFen)}`,
  ];
  const days: SurchargeDay[] = [];
  const frozen: SurchargeResult['frozen'] = [];
  let run: SurchargeResult['frozen'][number] | undefined;
  const closeRun = () => {
    if (!run) return;
    frozen.push(run);
    explanation.push(
      `${run.from} 至 ${run.to} 共 ${run.days} 日行政复议或行政诉讼期间，不计加处罚款（行政处罚法第七十三条第三款）` +
        ` / ${run.from} to ${run.to}: ${run.days} days not counted, reconsideration or lawsuit pending (APL 73 ¶3)`,
    );
    run = undefined;
  };

  let total = 0;
  let capped = false;
  let due = 0;
  let paid = 0;
  let i = 0;
  let j = 0;
  const first = instalments[0];
  if (first && fineFen > 0) {
    for (let d = addDays(first.dueOn, 1); d <= asOf; d = addDays(d, 1)) {
      while (i < instalments.length && instalments[i]!.dueOn < d) due += instalments[i++]!.amountFen;
      while (j < payments.length && payments[j]!.paidOn <= d) paid += payments[j++]!.amountFen;
      // Payments cover the earliest instalments first, so whatever is overdue is paid before anything later.
      const base = Math.max(0, due - paid);
      if (base === 0) {
        closeRun();
        if (i === instalments.length) break; // everything due is paid: nothing more can accrue
        continue;
      }
      if (frozenOn(d)) {
        // 行政处罚法第七十三条第三款: not counted while a reconsideration or lawsuit is pending.
        if (run) {
          run.to = d;
          run.days++;
        } else run = { from: d, to: d, days: 1 };
        continue;
      }
      closeRun();
      const raw = Math.floor((base * SURCHARGE_PERCENT_PER_DAY) / 100);
      const added = Math.min(raw, fineFen - total);
      total += added;
      days.push({ on: d, baseFen: base, addedFen: added, totalFen: total });
      const cut = added < raw;
      explanation.push(
        `${d} 未缴 ${formatYuan(base)} × ${SURCHARGE_PERCENT_PER_DAY}% = ${formatYuan(raw)}` +
          `${cut ? `，封顶计 ${formatYuan(added)}` : ''}，累计 ${formatYuan(total)}` +
          ` / unpaid ${formatYuan(base)} × ${SURCHARGE_PERCENT_PER_DAY}% = ${formatYuan(raw)}` +
          `${cut ? `, ${formatYuan(added)} up to the cap` : ''}, total ${formatYuan(total)}`,
      );
      if (total >= fineFen) {
        capped = true;
        break;
      }
    }
  }
  closeRun();
  if (capped)
    explanation.push(
      `封顶：加处罚款已达罚款数额 ${formatYuan(fineFen)}，不再加处（行政处罚法第七十二条第一款第（一）项）` +
        ` / capped: the surcharge has reached the fine ${formatYuan(fineFen)} and accrues no further`,
    );
  else if (!days.length && !frozen.length)
    explanation.push(`截至 ${asOf} 无逾期未缴的罚款 / nothing overdue and unpaid as of ${asOf}`);
  return { fineFen, surchargeFen: total, capped, days, frozen, explanation };
}
