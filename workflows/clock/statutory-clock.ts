// The statutory clock primitive, workflow side: a durable timer over the pure computation in domain/clock.
// It sleeps until the next warning or the due moment, wakes early when it is paused, resumed, extended, stopped
// or given new calendar data, and fires each event once (the fired keys live in workflow state, so replay
// after a worker restart knows what was sent; the hook's activities are idempotent on the same keys).
import { condition } from '@temporalio/workflow';
import { workingDaysBetween, type CalendarData } from '../../domain/calendar/calendar.js';
import { chinaDateOf, daysBetween, type IsoDate } from '../../schema/values/dates.js';
import {
  checkPause,
  clockEvents,
  computeClock,
  extendClock,
  nextClockEvent,
  pauseClock,
  resumeClock,
  startClock,
  stopClock,
  type ClockComputation,
  type ClockDefinition,
  type ClockError,
  type ClockEvent,
  type ClockState,
  type Extension,
  type Pause,
} from '../../domain/clock/clock.js';
import type { ClockView } from '../../schema/case.js';

export type ClockHook = (event: ClockEvent, clock: StatutoryClock) => Promise<void>;

/** Everything a clock is, as plain data: it survives a continue-as-new or a move into a child workflow. */
export interface ClockSnapshot {
  state: ClockState;
  /** Keys of the warnings and overdue events already fired (each fires once per due date). */
  fired: string[];
  /** Causes holding it paused. */
  holds: string[];
}

export class StatutoryClock {
  private state: ClockState;
  private computed: ClockComputation;
  private readonly fired = new Set<string>();
  private version = 0;
  /** Causes holding the clock paused (a suspension and a test may overlap): it resumes when the last ends. */
  private readonly holds = new Set<string>();

  constructor(
    def: ClockDefinition,
    startedOn: IsoDate,
    private calendar: CalendarData,
    warnBefore: readonly number[],
    private readonly onEvent: ClockHook,
    /** The event's instant, for hour periods (workflow time: deterministic). */
    startedAt: number | undefined = def.unit === 'H' ? Date.now() : undefined,
  ) {
    this.state = startClock(def, startedOn, [...warnBefore], startedAt);
    this.computed = computeClock(calendar, this.state);
  }

  /** The clock as plain data (see ClockSnapshot). */
  snapshot(): ClockSnapshot {
    return { state: this.state, fired: [...this.fired], holds: [...this.holds] };
  }

  /** A clock from its snapshot, with the calendar of the run that restores it: nothing fired fires again. */
  static restore(s: ClockSnapshot, calendar: CalendarData, onEvent: ClockHook): StatutoryClock {
    const clock = new StatutoryClock(
      s.state.def,
      s.state.startedOn,
      calendar,
      s.state.warnBefore,
      onEvent,
      s.state.startedAt,
    );
    clock.state = s.state;
    clock.computed = computeClock(calendar, s.state);
    for (const k of s.fired) clock.fired.add(k);
    for (const h of s.holds) clock.holds.add(h);
    return clock;
  }

  get name() {
    return this.state.def.name;
  }
  get dueOn() {
    return this.computed.dueOn;
  }
  get dueAt() {
    return this.computed.dueAt;
  }
  get stopped() {
    return this.state.stopped !== undefined;
  }
  get overdue() {
    const due = this.computed.dueOn;
    return !this.stopped && due !== undefined && this.fired.has(`overdue:${due}`);
  }

  private change(next: ClockState) {
    this.state = next;
    this.computed = computeClock(this.calendar, next);
    this.version++;
  }

  pause(p: Omit<Pause, 'to'>) {
    this.change(pauseClock(this.state, p));
  }
  resume(on: IsoDate) {
    this.change(resumeClock(this.state, on));
  }
  /** Pauses for a cause; further causes while paused only join the pause. */
  /** Whether a cause starting on `from` could hold the clock (a pause cannot begin before the clock started or
   * before the last pause ended); validators ask before the handler holds it. */
  checkHold(from: IsoDate): ClockError | undefined {
    return this.stopped || this.holds.size > 0 ? undefined : checkPause(this.state, from);
  }
  hold(cause: string, p: Omit<Pause, 'to'>) {
    if (this.stopped || this.holds.has(cause)) return;
    if (this.holds.size === 0) this.pause(p);
    this.holds.add(cause);
  }
  /** Ends a cause; the clock resumes when no cause is left. */
  release(cause: string, on: IsoDate) {
    if (!this.holds.delete(cause) || this.stopped) return;
    if (this.holds.size === 0) this.resume(on);
  }
  extend(e: Extension) {
    this.change(extendClock(this.state, e));
  }
  stop(on: IsoDate, reason: string) {
    this.change(stopClock(this.state, on, reason));
  }
  /** New calendar data (a year's schedule loaded or corrected): the due date is recomputed. Returns whether it moved. */
  setCalendar(cal: CalendarData): boolean {
    const before = this.computed.dueOn;
    this.calendar = cal;
    this.change(this.state);
    return before !== this.computed.dueOn;
  }

  /** Runs until the clock is stopped. Firing the overdue event does not stop it: the act may still be done late. */
  async run(): Promise<void> {
    while (!this.stopped) {
      const v = this.version;
      const changed = () => this.version !== v;
      const next = nextClockEvent(
        clockEvents(this.calendar, this.state, this.computed),
        this.fired,
        Date.now(),
      );
      if (!next) {
        await condition(changed);
        continue;
      }
      // condition() treats a timeout of 0 as "no timeout"; wait at least 1 ms.
      if (await condition(changed, Math.max(1, next.event.at - Date.now()))) continue;
      // The timer won, but a command in the same activation may have stopped or changed the clock.
      if (this.stopped || changed()) continue;
      next.superseded.forEach((k) => this.fired.add(k));
      this.fired.add(next.event.key);
      await this.onEvent(next.event, this);
    }
  }

  view(now = Date.now()): ClockView {
    const c = this.computed;
    const s = this.state;
    const status = this.stopped ? 'stopped' : c.paused ? 'paused' : this.overdue ? 'overdue' : 'running';
    return {
      name: s.def.name,
      title: s.def.title,
      rule: s.def.rule,
      unit: s.def.unit,
      length: s.def.length,
      startedOn: s.startedOn,
      status,
      dueOn: c.dueOn ?? null,
      dueAt: c.dueAt === undefined ? null : new Date(c.dueAt).toISOString(),
      remaining: this.remainingAt(now),
      provisional: c.provisional,
      pauses: s.pauses.map((p) => ({ ...p })),
      extensions: s.extensions.map((e) => ({ ...e })),
      explanation: c.explanation,
    };
  }

  /** What is left of the period as of `now`: working days for a WD period, hours for an hour period, calendar
   * days otherwise (0 once it has run out). */
  private remainingAt(now: number): number {
    const c = this.computed;
    if (this.state.def.unit === 'H') return Math.max(0, Math.ceil((c.dueAt! - now) / 3_600_000));
    if (c.paused || c.dueOn === undefined) return c.remaining;
    const today = chinaDateOf(now);
    if (today >= c.dueOn) return 0;
    return this.state.def.unit === 'WD'
      ? workingDaysBetween(this.calendar, today, c.dueOn)
      : daysBetween(today, c.dueOn);
  }
}
