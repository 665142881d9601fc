// Working days per the State Council holiday schedule, including make-up workdays (调休). The triggering day is
// not counted. Periods in working days skip weekends and holidays but count make-up days. Whether a period that
// ends on a non-working day moves to the next working day depends on the period (docs/rules.md, "Counting
// days"): a party's period does (民事诉讼法第八十五条, 民法典第二百零三条), an agency's maximum does not.
import { addDays, weekday, yearOf, type IsoDate } from '../../schema/values/dates.js';
import type { CalendarData } from '../../schema/calendar.js';

/** Calendar data as workflows receive it (schema/calendar.ts: in their input or from an activity, so it is
 * recorded in history). */
export type { CalendarData };

/**
 * Fixed-date public holidays (全国年节及纪念日放假办法, art. 2, as amended 2024): used only for years whose
 * official schedule is not yet published. Lunar-date holidays cannot be known in advance this way, so every
 * deadline that touches such a year is marked provisional.
 */
export const FIXED_DATE_HOLIDAYS: Record<string, string> = {
  '01-01': '元旦',
  '05-01': '劳动节',
  '05-02': '劳动节',
  '10-01': '国庆节',
  '10-02': '国庆节',
  '10-03': '国庆节',
};

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup-workday';

export interface DayInfo {
  date: IsoDate;
  working: boolean;
  kind: DayKind;
  name?: string;
  /** The year has no official schedule: this answer follows weekends and fixed-date holidays only. */
  provisional: boolean;
}

export function dayInfo(cal: CalendarData, date: IsoDate): DayInfo {
  const official = String(yearOf(date)) in cal.officialYears;
  const weekend = weekday(date) === 0 || weekday(date) === 6;
  if (official) {
    const holiday = cal.holidays[date];
    if (holiday !== undefined)
      return { date, working: false, kind: 'holiday', name: holiday, provisional: false };
    const makeup = cal.workdays[date];
    if (makeup !== undefined)
      return { date, working: true, kind: 'makeup-workday', name: makeup, provisional: false };
    return { date, working: !weekend, kind: weekend ? 'weekend' : 'workday', provisional: false };
  }
  const fixed = FIXED_DATE_HOLIDAYS[date.slice(5)];
  if (fixed !== undefined) return { date, working: false, kind: 'holiday', name: fixed, provisional: true };
  return { date, working: !weekend, kind: weekend ? 'weekend' : 'workday', provisional: true };
}

export function isWorkingDay(cal: CalendarData, date: IsoDate): boolean {
  return dayInfo(cal, date).working;
}

/** Working days, calendar days, or calendar months (民法典第二百零二条: the corresponding day of the last month,
 * or its last day where it has none). Hour periods are counted in hours, not here (see domain/rules). */
export type PeriodUnit = 'WD' | 'CD' | 'M';

/** A date the count passed over (or counted, for make-up workdays), and why. */
export interface CountNote {
  date: IsoDate;
  why: 'weekend' | 'holiday' | 'makeup-workday' | 'paused' | 'rolled-over';
  name?: string;
}

export interface CountResult {
  /** The last day of the period (after moving off a non-working day). Undefined while the count is held open. */
  due?: IsoDate;
  /** Days counted so far (equals the length when `due` is set). */
  counted: number;
  notes: CountNote[];
  provisional: boolean;
}

/** What a period does when its last day is not a working day. */
export interface RollOver {
  /** true: it ends on the next working day (a party's period); false: it ends that day (an agency's maximum). */
  rollOver: boolean;
}

/**
 * Counts `length` days of `unit` after `start` (the start day itself is not counted). `rollOver` says whether a
 * last day that is not a working day moves on to the next working day. `excluded(date)` names days that do not
 * count whatever the calendar says (pauses) and `holdFrom` stops the count after that date (an open pause): both
 * serve the statutory clock.
 */
export function countPeriod(
  cal: CalendarData,
  start: IsoDate,
  length: number,
  unit: PeriodUnit,
  opts: RollOver & { excluded?: (date: IsoDate) => string | undefined; holdAfter?: IsoDate },
): CountResult {
  if (!Number.isInteger(length) || length < 0)
    throw new RangeError(`period length must be a whole number ≥ 0: ${length}`);
  const notes: CountNote[] = [];
  let provisional = false;
  let counted = 0;
  let date = start;
  if (unit === 'M') {
    date = addMonths(start, length);
    counted = length;
  }
  while (counted < length) {
    if (opts.holdAfter !== undefined && date >= opts.holdAfter) return { counted, notes, provisional };
    date = addDays(date, 1);
    const pause = opts.excluded?.(date);
    if (pause !== undefined) {
      notes.push({ date, why: 'paused', name: pause });
      continue;
    }
    const info = dayInfo(cal, date);
    provisional ||= info.provisional;
    if (unit === 'WD' && !info.working) {
      notes.push({ date, why: info.kind === 'holiday' ? 'holiday' : 'weekend', name: info.name });
      continue;
    }
    if (unit === 'WD' && info.kind === 'makeup-workday')
      notes.push({ date, why: 'makeup-workday', name: info.name });
    counted++;
  }
  // A party's period that ends on a non-working day ends on the next working day; an agency's maximum does not.
  for (let info = dayInfo(cal, date); opts.rollOver && !info.working; info = dayInfo(cal, date)) {
    notes.push({ date, why: 'rolled-over', name: info.name ?? info.kind });
    provisional ||= info.provisional;
    date = addDays(date, 1);
  }
  provisional ||= dayInfo(cal, date).provisional;
  return { due: date, counted, notes, provisional };
}

/** N working days after `start` (a working-day count always ends on a working day). */
export function addWorkingDays(cal: CalendarData, start: IsoDate, n: number): CountResult {
  return countPeriod(cal, start, n, 'WD', { rollOver: true });
}

/** N calendar days after `start`, moved on to a working day or not as `rollOver` says. */
export function addCalendarDays(cal: CalendarData, start: IsoDate, n: number, opts: RollOver): CountResult {
  return countPeriod(cal, start, n, 'CD', opts);
}

/** The date `n` calendar months after `date`: the corresponding day, or the last day of a shorter month
 * (民法典第二百零二条). */
export function addMonths(date: IsoDate, n: number): IsoDate {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + n;
  const d = Number(date.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Working days in (from, to]: the days a WD period started on `from` has used up by the end of `to`. */
export function workingDaysBetween(cal: CalendarData, from: IsoDate, to: IsoDate): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(cal, d)) n++;
  return n;
}

/** The working day `n` working days before `date` (n ≥ 1). */
export function workingDaysBefore(cal: CalendarData, date: IsoDate, n: number): IsoDate {
  let d = date;
  for (let left = n; left > 0;) {
    d = addDays(d, -1);
    if (isWorkingDay(cal, d)) left--;
  }
  return d;
}

const WHY_TEXT: Record<CountNote['why'], string> = {
  weekend: '周末 weekend',
  holiday: '节假日 holiday',
  'makeup-workday': '调休上班 make-up workday (counted)',
  paused: '中止计算 paused',
  'rolled-over': '期满日非工作日，顺延 last day not a working day, moved on',
};

export const startLine = (start: IsoDate) => `起算 start: ${start} (当日不计入 the event day is not counted)`;
const UNIT_TEXT: Record<PeriodUnit | 'H', string> = {
  WD: '工作日 working days',
  CD: '自然日 calendar days',
  M: '个月 months',
  H: '小时 hours',
};
export const periodLine = (length: number, unit: PeriodUnit | 'H') =>
  `期间 period: ${length} ${UNIT_TEXT[unit]}`;
export const rollOverLine = (rollOver: boolean) =>
  rollOver
    ? '期满日遇节假日顺延至其后第一个工作日 a last day on a holiday moves to the next working day (a party’s period)'
    : '期满日遇节假日不顺延 a last day on a holiday stays (an agency’s maximum)';
export const PROVISIONAL_LINE =
  '暂定：涉及尚未公布节假日安排的年份 provisional: a year without a published holiday schedule';

/** One line per note: "2026-10-01  节假日 holiday: 国庆节". */
export function explainNotes(notes: CountNote[]): string[] {
  return notes.map((n) => `${n.date}  ${WHY_TEXT[n.why]}${n.name ? `: ${n.name}` : ''}`);
}
