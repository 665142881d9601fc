// State and services shared by the stages of one case: its clocks, its audit sequence and the projection.
import { ApplicationFailure, proxyActivities, upsertSearchAttributes } from '@temporalio/workflow';
import type { CaseActivities, NotifyRequest, TaskOpen } from '../../activities/index.js';
import type { CalendarData } from '../../domain/calendar/calendar.js';
import { chinaDateOf, yearOf, type IsoDate } from '../../domain/calendar/dates.js';
import type { CaseFacts } from '../../domain/case/guards.js';
import type { ClockDefinition, ClockEvent } from '../../domain/clock/clock.js';
import type { CaseInput, CaseStage, CaseView } from '../../schema/case.js';
import { ERROR_MESSAGES, type Refusal } from '../../schema/errors.js';
import { SYSTEM_ACTOR, type Actor, type Role } from '../../schema/roles.js';
import { StatutoryClock } from '../clock/statutory-clock.js';
import type { DeadlineMove } from './messages.js';
import { CaseStageKey, CaseUnitKey, NextDueKey, OverdueKey } from './search-attributes.js';

const acts = proxyActivities<CaseActivities>({
  startToCloseTimeout: '1 minute',
  // No attempt limit: a database or SMTP outage delays the work, it never drops it.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/** Years of calendar data a case carries: enough for every period before a decision. */
const CALENDAR_YEARS = 5;

interface ClockBinding {
  clock: StatutoryClock;
  /** Who is warned before the due date, and who owns the task. */
  responsible: Role;
}

export interface Step {
  actor: Actor;
  action: string;
  details?: Record<string, unknown>;
  openTasks?: Omit<TaskOpen, 'unitId'>[];
  closeTasks?: string[];
}

export class CaseContext {
  stage: CaseStage = 'filing';
  filing: CaseView['filing'] = { extensions: 0, decision: null };
  private readonly clocks: ClockBinding[] = [];
  private seq = 0;
  private chain: Promise<unknown> = Promise.resolve();
  /** E-mails on their way: they retry until sent, and must never hold up the clocks or the case. */
  private readonly sending = new Set<Promise<unknown>>();
  private readonly createdAt = new Date(Date.now()).toISOString();

  private calendar: CalendarData = { officialYears: {}, holidays: {}, workdays: {} };

  constructor(readonly input: CaseInput) {}

  /** Loads the calendar (through an activity, so replay sees the same data). */
  async init(): Promise<void> {
    this.calendar = await this.fetchCalendar();
  }

  private fetchCalendar(): Promise<CalendarData> {
    const from = yearOf(this.input.clue.discoveredOn);
    return acts.loadCalendar({ fromYear: from, toYear: from + CALENDAR_YEARS });
  }

  get number() {
    return this.input.caseNumber;
  }
  today(): IsoDate {
    return chinaDateOf(Date.now());
  }
  facts(): CaseFacts {
    return { stage: this.stage, unitId: this.input.unitId, filingExtensions: this.filing.extensions };
  }
  get overdue(): boolean {
    return this.clocks.some((b) => b.clock.overdue);
  }
  hasClock(name: string): boolean {
    return this.clocks.some((c) => c.clock.name === name);
  }
  clock(name: string): StatutoryClock {
    const b = this.clocks.find((c) => c.clock.name === name);
    if (!b) throw new Error(`no clock ${name}`);
    return b.clock;
  }

  startClock(def: ClockDefinition, startedOn: IsoDate, responsible: Role): StatutoryClock {
    const clock = new StatutoryClock(def, startedOn, this.calendar, this.input.warnBefore, (e, c) =>
      this.onClockEvent(e, c, responsible),
    );
    this.clocks.push({ clock, responsible });
    return clock;
  }

  /** For update validators: a refusal becomes a failed update with its code, and the case is unchanged. */
  refuse(r: Refusal | undefined): void {
    if (!r) return;
    const m = ERROR_MESSAGES[r.code];
    throw ApplicationFailure.create({
      type: r.code,
      message: `${m.zh} / ${m.en}${r.detail ? ` (${r.detail})` : ''}`,
      nonRetryable: true,
      details: [r],
    });
  }

  /** Projects the case as it is now, with an audit entry for this step. Steps are written one at a time,
   * in order, so the audit chain's sequence has no gaps. */
  record(step: Step): Promise<void> {
    const run = this.chain.then(() => this.write(step));
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async write(step: Step): Promise<void> {
    const seq = ++this.seq;
    const running = this.clocks.map((b) => b.clock).filter((c) => !c.stopped && c.dueAt !== undefined);
    const next = running.sort((a, b) => a.dueAt! - b.dueAt!)[0];
    const clue = this.input.clue;
    await acts.recordStep({
      caseNumber: this.number,
      seq,
      at: new Date(Date.now()).toISOString(),
      actorId: step.actor.id,
      action: step.action,
      details: step.details ?? {},
      case: {
        number: this.number,
        unitId: this.input.unitId,
        stage: this.stage,
        status: this.stage === 'closed' ? 'closed' : 'open',
        source: clue.source,
        respondent: clue.respondent,
        summary: clue.summary,
        discoveredOn: clue.discoveredOn,
        overdue: this.overdue,
        nextDueOn: next?.dueOn ?? null,
        nextDueAt: next?.dueAt ? new Date(next.dueAt).toISOString() : null,
        createdBy: this.input.registeredBy.id,
        createdAt: this.createdAt,
      },
      deadlines: this.clocks.map((b) => b.clock.view()),
      openTasks: step.openTasks?.map((t) => ({ ...t, unitId: this.input.unitId })),
      closeTasks: step.closeTasks,
    });
    upsertSearchAttributes([
      { key: CaseStageKey, value: this.stage },
      { key: CaseUnitKey, value: this.input.unitId },
      { key: OverdueKey, value: this.overdue },
      { key: NextDueKey, value: next?.dueAt ? new Date(next.dueAt) : null },
    ]);
  }

  taskId(kind: string) {
    return `${this.number}:${kind}`;
  }

  private async onClockEvent(e: ClockEvent, clock: StatutoryClock, responsible: Role) {
    const title = clock.view().title;
    const overdue = e.kind === 'overdue';
    await this.record({
      actor: SYSTEM_ACTOR,
      action: overdue ? 'deadline.overdue' : 'deadline.warning',
      details: { clock: clock.name, dueOn: e.dueOn, daysBefore: e.daysBefore },
    });
    const subject = overdue
      ? `【逾期】案件 ${this.number} ${title.zh}已届满 / Overdue: ${title.en} of case ${this.number}`
      : `【提醒】案件 ${this.number} ${title.zh}将于 ${e.dueOn} 届满 / Due soon: ${title.en} of case ${this.number}`;
    const text = [
      `案件编号 Case: ${this.number}`,
      `当事人 Respondent: ${this.input.clue.respondent.name}`,
      `期限 Period: ${title.zh} (${title.en})`,
      `期满日 Due: ${e.dueOn}`,
      overdue
        ? '该期限已届满，尚未办结。请督促承办单位处理。 The period has run out without the act being done.'
        : `距期满还有 ${e.daysBefore} 个工作日。 ${e.daysBefore} working day(s) before the due date.`,
      '',
      '期限计算 How the due date was computed:',
      ...clock.view().explanation.map((l) => `  ${l}`),
    ].join('\n');
    this.send({
      key: `${this.number}:${clock.name}:${e.key}`,
      caseNumber: this.number,
      kind: overdue ? 'deadline.overdue' : 'deadline.warning',
      audience: { unitId: this.input.unitId, role: overdue ? 'supervisor' : responsible },
      subject,
      text,
    });
  }

  /** Sends without waiting: an SMTP outage delays the e-mail, not the overdue flag or the next deadline. */
  private send(req: NotifyRequest): void {
    const p = acts.notify(req).finally(() => this.sending.delete(p));
    this.sending.add(p);
  }

  /** Before the workflow completes: every e-mail it started has been sent. */
  async drain(): Promise<void> {
    while (this.sending.size) await Promise.all([...this.sending]);
  }

  /** The calendar changed: reload it and recompute every clock; the projection shows the new due dates. */
  async recomputeCalendar(): Promise<DeadlineMove[]> {
    if (this.clocks.every((b) => b.clock.stopped)) return [];
    this.calendar = await this.fetchCalendar();
    const moved = this.clocks
      .map((b) => ({ clock: b.clock.name, before: b.clock.dueOn, moved: b.clock.setCalendar(this.calendar) }))
      .filter((m) => m.moved)
      .map((m) => ({ clock: m.clock, from: m.before ?? null, to: this.clock(m.clock).dueOn ?? null }));
    await this.record({ actor: SYSTEM_ACTOR, action: 'deadline.recomputed', details: { moved } });
    return moved;
  }

  view(): CaseView {
    const clue = this.input.clue;
    return {
      number: this.number,
      unitId: this.input.unitId,
      stage: this.stage,
      status: this.stage === 'closed' ? 'closed' : 'open',
      overdue: this.overdue,
      source: clue.source,
      respondent: clue.respondent,
      summary: clue.summary,
      discoveredOn: clue.discoveredOn,
      registeredBy: this.input.registeredBy.id,
      filing: this.filing,
      clocks: this.clocks.map((b) => b.clock.view()),
    };
  }
}
