// The statutory clock, computed: a period of working days, calendar days, months or hours from a start event,
// paused by intervals (the time left after a pause is what was left when it began), lengthened by approved
// extensions, moved off a holiday or not as its definition says, and explained day by day. Pure: workflows hold
// the state and call these functions with their calendar data.
import {
  countPeriod,
  explainNotes,
  periodLine,
  PROVISIONAL_LINE,
  rollOverLine,
  startLine,
  workingDaysBefore,
  type CalendarData,
  type PeriodUnit,
} from '../calendar/calendar.js';
import { chinaDateOf, chinaInstant, endOfDay, type IsoDate } from '../../schema/values/dates.js';

export interface ClockDefinition {
  /** Stable id within a case, e.g. "filing". */
  name: string;
  title: { zh: string; en: string };
  /** The legal source of the period (law and article), cited in every explanation. */
  rule: string;
  /** Working days, calendar days, calendar months, or hours (which run hour by hour from the event's instant). */
  unit: PeriodUnit | 'H';
  length: number;
  /** Whether a last day that is not a working day moves on to the next working day: true for a party's period,
   * false for an agency's maximum. Absent in definitions recorded before it existed: those rolled over. */
  rollOver?: boolean;
}

export interface Pause {
  /** The day the pause began: the period is not counted after it. */
  from: IsoDate;
  /** The day it ended: counting starts again the day after. */
  to?: IsoDate;
  reason: string;
  approvedBy: string;
}

export interface Extension {
  days: number;
  on: IsoDate;
  approvedBy: string;
  basis: string;
}

export interface ClockState {
  def: ClockDefinition;
  startedOn: IsoDate;
  /** The event's instant, for hour periods. */
  startedAt?: number;
  pauses: Pause[];
  extensions: Extension[];
  /** Warning offsets in working days before the due date. */
  warnBefore: number[];
  stopped?: { on: IsoDate; reason: string };
}

export interface ClockComputation {
  totalDays: number;
  /** Undefined while paused (the due date is not known until the pause ends). */
  dueOn?: IsoDate;
  /** The instant the clock runs out: 00:00 China time the day after the due date. */
  dueAt?: number;
  paused: boolean;
  /** Days of the period left (while paused: what was left when the pause began). */
  remaining: number;
  provisional: boolean;
  explanation: string[];
}

/** Warnings go out at 09:00 China time, the start of office hours, on their working day. */
export const WARNING_HOUR = 9;

/** Starts a clock at its event: a date, or for hour periods the instant (epoch ms). */
export function startClock(
  def: ClockDefinition,
  startedOn: IsoDate,
  warnBefore: number[],
  startedAt?: number,
): ClockState {
  if (def.unit === 'H' && startedAt === undefined)
    throw new RangeError(`${def.name}: an hour period starts at an instant`);
  return {
    def,
    startedOn,
    ...(startedAt !== undefined ? { startedAt } : {}),
    pauses: [],
    extensions: [],
    warnBefore: def.unit === 'H' ? [] : [...warnBefore].sort((a, b) => b - a),
  };
}

/** "2026-10-01T15:00" in China time. */
export const chinaDateTime = (epochMs: number) =>
  new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 16);

function computeHours(s: ClockState): ClockComputation {
  const totalDays = s.def.length + s.extensions.reduce((n, e) => n + e.days, 0);
  const dueAt = s.startedAt! + totalDays * 3_600_000;
  const lines = [
    `${s.def.title.zh} ${s.def.title.en} — ${s.def.rule}`,
    `起算 start: ${chinaDateTime(s.startedAt!)} (按小时计算 counted hour by hour)`,
    periodLine(totalDays, 'H'),
    '以小时计算的期间不因节假日顺延 an hour period does not move off a holiday',
    `期满 due: ${chinaDateTime(dueAt)}`,
  ];
  if (s.stopped) lines.push(`停止 stopped: ${s.stopped.on} (${s.stopped.reason})`);
  return {
    totalDays,
    dueOn: chinaDateOf(dueAt),
    dueAt,
    paused: false,
    remaining: totalDays,
    provisional: false,
    explanation: lines,
  };
}

export function computeClock(cal: CalendarData, s: ClockState): ClockComputation {
  if (s.def.unit === 'H') return computeHours(s);
  const totalDays = s.def.length + s.extensions.reduce((n, e) => n + e.days, 0);
  const open = s.pauses.find((p) => p.to === undefined);
  const excluded = (d: IsoDate) =>
    s.pauses.find((p) => p.to !== undefined && d > p.from && d <= p.to)?.reason;
  const rollOver = s.def.rollOver ?? true;
  const r = countPeriod(cal, s.startedOn, totalDays, s.def.unit, {
    rollOver,
    excluded,
    holdAfter: open?.from,
  });
  const lines = [
    `${s.def.title.zh} ${s.def.title.en} — ${s.def.rule}`,
    startLine(s.startedOn),
    periodLine(s.def.length, s.def.unit),
    ...(s.def.unit === 'WD' ? [] : [rollOverLine(rollOver)]),
    ...s.extensions.map((e) => `延长 extension: +${e.days} (${e.on}, ${e.approvedBy}: ${e.basis})`),
    ...s.pauses.map(
      (p) =>
        `中止 paused: ${p.from} → ${p.to ?? '…'} (${p.reason}; ${p.approvedBy}) — 期间不计入 not counted`,
    ),
    ...explainNotes(r.notes),
  ];
  if (r.due === undefined) {
    lines.push(`暂停中，剩余 ${totalDays - r.counted} 天 paused with ${totalDays - r.counted} days left`);
  } else {
    lines.push(`期满 due: ${r.due}`);
  }
  if (r.provisional) lines.push(PROVISIONAL_LINE);
  if (s.stopped) lines.push(`停止 stopped: ${s.stopped.on} (${s.stopped.reason})`);
  return {
    totalDays,
    dueOn: r.due,
    dueAt: r.due === undefined ? undefined : endOfDay(r.due),
    paused: open !== undefined,
    remaining: totalDays - r.counted,
    provisional: r.provisional,
    explanation: lines,
  };
}

export type ClockError =
  | { code: 'CLOCK_STOPPED' }
  | { code: 'CLOCK_ALREADY_PAUSED' }
  | { code: 'CLOCK_NOT_PAUSED' }
  | { code: 'DATE_BEFORE_START'; date: IsoDate }
  | { code: 'DATE_BEFORE_PAUSE'; date: IsoDate }
  | { code: 'INVALID_DAYS'; days: number };

export function checkPause(s: ClockState, from: IsoDate): ClockError | undefined {
  if (s.stopped) return { code: 'CLOCK_STOPPED' };
  if (s.pauses.some((p) => p.to === undefined)) return { code: 'CLOCK_ALREADY_PAUSED' };
  if (from < s.startedOn) return { code: 'DATE_BEFORE_START', date: from };
  const last = s.pauses.at(-1);
  if (last?.to !== undefined && from < last.to) return { code: 'DATE_BEFORE_PAUSE', date: from };
  return undefined;
}

export function checkResume(s: ClockState, on: IsoDate): ClockError | undefined {
  if (s.stopped) return { code: 'CLOCK_STOPPED' };
  const open = s.pauses.find((p) => p.to === undefined);
  if (!open) return { code: 'CLOCK_NOT_PAUSED' };
  if (on < open.from) return { code: 'DATE_BEFORE_PAUSE', date: on };
  return undefined;
}

export function checkExtend(s: ClockState, days: number): ClockError | undefined {
  if (s.stopped) return { code: 'CLOCK_STOPPED' };
  if (!Number.isInteger(days) || days <= 0) return { code: 'INVALID_DAYS', days };
  return undefined;
}

function assertOk(e: ClockError | undefined) {
  if (e) throw new Error(`statutory clock: ${e.code}`);
}

export function pauseClock(s: ClockState, p: Omit<Pause, 'to'>): ClockState {
  assertOk(checkPause(s, p.from));
  return { ...s, pauses: [...s.pauses, { ...p }] };
}

export function resumeClock(s: ClockState, on: IsoDate): ClockState {
  assertOk(checkResume(s, on));
  return { ...s, pauses: s.pauses.map((p) => (p.to === undefined ? { ...p, to: on } : p)) };
}

export function extendClock(s: ClockState, e: Extension): ClockState {
  assertOk(checkExtend(s, e.days));
  return { ...s, extensions: [...s.extensions, { ...e }] };
}

export function stopClock(s: ClockState, on: IsoDate, reason: string): ClockState {
  return s.stopped ? s : { ...s, stopped: { on, reason } };
}

export interface ClockEvent {
  /** Unique per due date: a warning or the overdue event fires once for each due date the clock has had. */
  key: string;
  kind: 'warning' | 'overdue';
  at: number;
  dueOn: IsoDate;
  /** For warnings: working days before the due date. */
  daysBefore?: number;
}

/** Warning and overdue events of the current due date, in time order. */
export function clockEvents(cal: CalendarData, s: ClockState, c: ClockComputation): ClockEvent[] {
  if (s.stopped || c.dueOn === undefined || c.dueAt === undefined) return [];
  const dueOn = c.dueOn;
  const warnings = s.warnBefore.map((n) => ({
    key: `warning:${n}:${dueOn}`,
    kind: 'warning' as const,
    at: chinaInstant(workingDaysBefore(cal, dueOn, n), WARNING_HOUR),
    dueOn,
    daysBefore: n,
  }));
  return [...warnings, { key: `overdue:${dueOn}`, kind: 'overdue' as const, at: c.dueAt, dueOn }].sort(
    (a, b) => a.at - b.at,
  );
}

/**
 * The next event to wait for at `now`, given the keys already fired. Warnings whose moment had passed are
 * superseded by the latest one due (one warning, not a burst), and none is sent once the clock is overdue.
 */
export function nextClockEvent(
  events: ClockEvent[],
  fired: ReadonlySet<string>,
  now: number,
): { event: ClockEvent; superseded: string[] } | undefined {
  const pending = events.filter((e) => !fired.has(e.key));
  const overdue = pending.find((e) => e.kind === 'overdue' && e.at <= now);
  if (overdue)
    return { event: overdue, superseded: pending.filter((e) => e.kind === 'warning').map((e) => e.key) };
  const past = pending.filter((e) => e.at <= now);
  if (past.length > 0) {
    const latest = past[past.length - 1]!;
    return { event: latest, superseded: past.slice(0, -1).map((e) => e.key) };
  }
  const next = pending[0];
  return next ? { event: next, superseded: [] } : undefined;
}
