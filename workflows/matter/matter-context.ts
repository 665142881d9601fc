// What every matter workflow (a case, a complaint) shares: its statutory clocks, its audit sequence, the
// projection of each step to PostgreSQL, and its e-mails. Subclasses say what the matter looks like.
import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  patched,
  proxyActivities,
  proxyLocalActivities,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type {
  CaseActivities,
  CaseRowSnapshot,
  EvidenceRow,
  NotifyRequest,
  NotifyResult,
  TaskOpen,
} from '../../activities/index.js';
import type { CalendarData } from '../../domain/calendar/calendar.js';
import { MATTER_CALENDAR_YEARS } from '../../domain/calendar/sources.js';
import { chinaDateOf, type IsoDate } from '../../schema/values/dates.js';
import { computeClock, startClock, type ClockDefinition, type ClockEvent } from '../../domain/clock/clock.js';
import type { ClockView } from '../../schema/case.js';
import type { AuditEvent } from '../../schema/events.js';
import type { CommandResult } from '../../schema/common.js';
import { ERROR_MESSAGES, type Refusal } from '../../schema/errors.js';
import { SYSTEM_ACTOR, type Actor, type Role } from '../../schema/roles.js';
import { StatutoryClock, type ClockSnapshot } from '../clock/statutory-clock.js';
import { CaseStageKey, CaseUnitKey, NextDueKey, OverdueKey } from '../../schema/search-attributes.js';

/** No attempt limit: a database or SMTP outage delays the work, it never drops it. */
const RETRY = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' } as const;

export const acts = proxyActivities<CaseActivities>({ startToCloseTimeout: '1 minute', retry: RETRY });

/** The projection of a step runs as a local activity: in the workflow task that takes the command, recorded in
 * history as one marker with its (small) result, not with its input. Idempotent on (matter, sequence number),
 * retried without a limit like the others. */
const localActs = proxyLocalActivities<CaseActivities>({
  startToCloseTimeout: '1 minute',
  localRetryThreshold: '10 seconds',
  retry: RETRY,
});

/** The patch that moved a step's e-mails from the notify activity to the outbox, written with the step. */
export const MAIL_WITH_STEP = 'mail-with-step';

/** How long a run that hands its matter over waits for its e-mails to go out; those still unsent (an SMTP
 * outage) are handed over and sent again by the next run. */
const MAIL_GRACE = '10 minutes';

/** What happens when a clock runs out: by default the supervisors are told and the matter is flagged overdue;
 * some periods instead end something (an evidence preservation lapses, a mediation ends). */
export type OnDue = (event: ClockEvent, clock: StatutoryClock) => Promise<void>;

/** What a clock's running out does, as data (so the clock can move into another run or phase): the matter
 * resolves it to its handler (see MatterContext.resolveDue). */
export interface DueRef {
  kind: string;
  ref?: string;
}

interface ClockBinding {
  clock: StatutoryClock;
  /** Who is warned before the due date, and who owns the task. */
  responsible: Role;
  onDue?: OnDue;
  due?: DueRef;
  /** Run alongside the stages (spawnClock); otherwise a stage runs it (`clock.run()`), also after a restore. */
  background: boolean;
}

/** Everything a matter's shared machinery holds, as plain data: it is carried into the next run
 * (continue-as-new) or the next phase (a child workflow), and restored there. */
export interface MatterState {
  /** The last audit sequence number written. */
  seq: number;
  createdAt: string;
  clocks: { snapshot: ClockSnapshot; responsible: Role; due?: DueRef; background?: boolean }[];
  /** Per clock, what the projection last received (see changedDeadlines). */
  projected: Record<string, string>;
  /** E-mails started and perhaps not yet sent: the next run sends them again (notify is idempotent on the key). */
  mail: NotifyRequest[];
  /** The calendar the clocks count with (reloaded only when it changes: recomputeCalendar). */
  calendar?: CalendarData;
}

/** A step a matter records: one audit event (schema/events.ts: its action and typed details), who acted, and
 * the tasks and evidence it changes. */
export type Step = AuditEvent & {
  actor: Actor;
  /** Tasks opened, for the matter's unit unless one names another (a decision one level up). */
  openTasks?: (Omit<TaskOpen, 'unitId'> & { unitId?: string })[];
  closeTasks?: string[];
  evidence?: EvidenceRow[];
  /** E-mails the step causes: written to the outbox with the step, and sent by the workers' mail outbox. */
  mail?: NotifyRequest[];
};

export type MatterRow = Omit<CaseRowSnapshot, 'overdue' | 'nextDueOn' | 'nextDueAt'>;

export abstract class MatterContext {
  abstract stage: string;
  protected readonly clocks: ClockBinding[] = [];
  private seq: number;
  private chain: Promise<unknown> = Promise.resolve();
  /** Steps being written (by commands or by clocks running out). */
  private writing = 0;
  /** Steps written by this run (a run continues as new after a budget of them). */
  stepsThisRun = 0;
  /** E-mails on their way: they retry until sent, and must never hold up the clocks or the matter. */
  private readonly sending = new Map<string, { req: NotifyRequest; p: Promise<unknown> }>();
  protected readonly createdAt: string;
  private calendar: CalendarData = { officialYears: {}, holidays: {}, workdays: {} };
  /** Clocks running alongside the stages (measures, requests, the case clock). */
  private readonly background = new Set<Promise<void>>();

  constructor(
    readonly number: string,
    readonly unitId: string,
    private readonly warnBefore: readonly number[],
    private readonly calendarFromYear: number,
    /** The state an earlier run or phase handed over (restored by init()). */
    private readonly carried?: MatterState,
  ) {
    this.seq = carried?.seq ?? 0;
    this.createdAt = carried?.createdAt ?? new Date(Date.now()).toISOString();
    for (const [k, v] of Object.entries(carried?.projected ?? {})) this.projected.set(k, v);
    if (carried?.calendar) this.restore(carried, carried.calendar);
  }

  /** Restores what was handed over, with the calendar it carries, at once (before the first command or query
   * of the run): the clocks run on, and e-mails not yet confirmed are sent again. */
  private restore(carried: MatterState, calendar: CalendarData) {
    this.calendar = calendar;
    for (const b of carried.clocks) {
      const clock = StatutoryClock.restore(b.snapshot, calendar, (e, c) =>
        this.onClockEvent(e, c, b.responsible),
      );
      this.attach(clock, b.responsible, b.due, b.background ?? true);
    }
    for (const req of carried.mail) this.send(req);
    this.ready = true;
  }

  /** The matter's row in the projection, as of now. */
  protected abstract row(): MatterRow;
  /** Lines that identify the matter in e-mails (never anything confidential). */
  protected abstract mailHeader(): string[];
  /** What the matter is called in e-mail subjects. */
  protected label = { zh: '案件', en: 'case' };

  /** A new matter loads the calendar (through an activity, so replay sees the same data); one handed over, or a
   * case given the calendar at registration (in its input, so in history too), was restored with the calendar it
   * carries when it was constructed. */
  async init(): Promise<void> {
    if (this.ready) return;
    this.calendar = await this.fetchCalendar();
    this.ready = true;
  }

  /** What a clock's running out does, from its data (matters whose clocks move between runs override this). */
  protected resolveDue(_due: DueRef): OnDue | undefined {
    return undefined;
  }

  /** Whether to take a versioned path: `patched(id)` for matters whose shipped histories predate it. */
  protected versioned(id: string): boolean {
    return patched(id);
  }

  /** The matter's machinery as data (see MatterState). Call when settled(). */
  matterState(): MatterState {
    return {
      seq: this.seq,
      createdAt: this.createdAt,
      clocks: this.clocks.map((b) => ({
        snapshot: b.clock.snapshot(),
        responsible: b.responsible,
        ...(b.due ? { due: b.due } : {}),
        ...(b.background === false ? { background: false } : {}),
      })),
      projected: Object.fromEntries(this.projected),
      mail: [...this.sending.values()].map((m) => m.req),
      calendar: this.calendar,
    };
  }

  /** Every e-mail started has been sent. */
  mailSent(): boolean {
    return this.sending.size === 0;
  }

  /** Every command has finished and no step is being written: the state is whole and may be handed over. */
  settled(): boolean {
    return allHandlersFinished() && this.writing === 0;
  }

  /** This run has grown long: Temporal suggests continuing as new, or `budget` steps were written. */
  longRun(budget: number | undefined): boolean {
    return workflowInfo().continueAsNewSuggested || (budget !== undefined && this.stepsThisRun >= budget);
  }

  /** Waits for a point where the matter may be handed over (to its next run or phase): settled, and its e-mails
   * sent or given MAIL_GRACE to go out (no activity outlives its workflow). */
  async handOverPoint(): Promise<void> {
    await condition(() => this.mailSent() && this.settled(), MAIL_GRACE);
    await condition(() => this.settled());
  }

  /** The calendar is loaded: clocks started from now on count with it. Commands that start clocks and may
   * arrive first (a workflow's handlers are registered before it loads) wait for this after claiming state. */
  ready = false;

  /** Through a regular activity: its result arrives in a workflow task of its own, so the code that follows
   * (clocks, versioned paths) replays in the same task it first ran in. A local activity here was tried and
   * refused: when a query or a heartbeat closed the first task as the load finished, the code after it ran in
   * the next task on the first run but in the same task on replay, and the patch markers that followed no
   * longer matched. */
  private fetchCalendar(): Promise<CalendarData> {
    return acts.loadCalendar({
      fromYear: this.calendarFromYear,
      toYear: this.calendarFromYear + MATTER_CALENDAR_YEARS,
    });
  }

  today(): IsoDate {
    return chinaDateOf(Date.now());
  }
  get overdue(): boolean {
    return this.clocks.some((b) => b.clock.overdue && !b.onDue);
  }
  hasClock(name: string): boolean {
    return this.clocks.some((c) => c.clock.name === name);
  }
  clock(name: string): StatutoryClock {
    const b = this.clocks.find((c) => c.clock.name === name);
    if (!b) throw new Error(`no clock ${name}`);
    return b.clock;
  }
  /** Stops a clock if it exists and runs. */
  stopClock(name: string, on: IsoDate, reason: string): void {
    const b = this.clocks.find((c) => c.clock.name === name);
    if (b && !b.clock.stopped) b.clock.stop(on, reason);
  }
  runningClocks(): StatutoryClock[] {
    return this.clocks.map((b) => b.clock).filter((c) => !c.stopped);
  }

  /** A clock the caller runs (`clock.run()`). `onDue` is what its running out does instead of the overdue
   * notice: a function, or data (a DueRef) for clocks that move between runs. */
  startClock(def: ClockDefinition, startedOn: IsoDate, responsible: Role, onDue?: OnDue | DueRef) {
    return this.attach(this.newClock(def, startedOn, responsible), responsible, onDue, false);
  }

  /** Starts a clock that runs alongside the stages until it is stopped. */
  spawnClock(def: ClockDefinition, startedOn: IsoDate, responsible: Role, onDue?: OnDue | DueRef) {
    return this.attach(this.newClock(def, startedOn, responsible), responsible, onDue, true);
  }

  private newClock(def: ClockDefinition, startedOn: IsoDate, responsible: Role): StatutoryClock {
    // Roll-over is per period (an agency's maximum stays on its last day); the first version rolled every
    // period over, and its matters keep doing so.
    if (!this.versioned('per-period-roll-over')) def = { ...def, rollOver: true };
    return new StatutoryClock(def, startedOn, this.calendar, this.warnBefore, (e, c) =>
      this.onClockEvent(e, c, responsible),
    );
  }

  /** Binds a clock to the matter (new or restored); a background one runs until it is stopped. */
  private attach(
    clock: StatutoryClock,
    responsible: Role,
    onDue: OnDue | DueRef | undefined,
    background: boolean,
  ): StatutoryClock {
    const due = typeof onDue === 'object' ? onDue : undefined;
    const fn = typeof onDue === 'function' ? onDue : due && this.resolveDue(due);
    this.clocks.push({ clock, responsible, due, onDue: fn, background });
    if (background && !clock.stopped) {
      const p = clock.run().finally(() => this.background.delete(p));
      this.background.add(p);
    }
    return clock;
  }

  /** Forgets the stopped clocks but those named in `keep`, so that a new round may start clocks of the same
   * names (the audit trail and the projection keep the old ones' history). */
  dropStoppedClocks(keep: readonly string[]): void {
    for (let i = this.clocks.length - 1; i >= 0; i--) {
      const name = this.clocks[i]!.clock.name;
      if (this.clocks[i]!.clock.stopped && !keep.includes(name)) {
        this.clocks.splice(i, 1);
        this.projected.delete(name);
      }
    }
  }

  /** The matter is over: every clock still running stops, and the workflow waits for them to wind down. */
  async finish(on: IsoDate, reason: string): Promise<void> {
    for (const c of this.runningClocks()) c.stop(on, reason);
    while (this.background.size) await Promise.all([...this.background]);
  }

  /** For update validators: a refusal becomes a failed update with its code, and the matter is unchanged. */
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

  /** Projects the matter as it is now, with an audit entry for this step. Steps are written one at a time,
   * in order, so the audit chain's sequence has no gaps. */
  record(step: Step): Promise<void> {
    this.writing++;
    const run = this.chain.then(() => this.write(step)).finally(() => this.writing--);
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** The next clock to run out, of those running. */
  private nextDue() {
    const running = this.clocks.map((b) => b.clock).filter((c) => !c.stopped && c.dueAt !== undefined);
    return running.sort((a, b) => a.dueAt! - b.dueAt!)[0];
  }

  /** What a command returns (see CommandResult): never the whole view. */
  result(): CommandResult {
    const row = this.row();
    return {
      number: this.number,
      stage: row.stage,
      status: row.status as CommandResult['status'],
      step: this.seq,
      nextDueOn: this.nextDue()?.dueOn ?? null,
      overdue: this.overdue,
    };
  }

  /** The deadlines a step projects: only the clocks whose projection changed since the last step, so a step's
   * size does not grow with the number of clocks the matter has had. */
  private changedDeadlines(): ClockView[] {
    const changed: ClockView[] = [];
    for (const b of this.clocks) {
      const v = b.clock.view();
      const { remaining: _remaining, ...projected } = v;
      const signature = JSON.stringify(projected);
      if (this.projected.get(v.name) === signature) continue;
      this.projected.set(v.name, signature);
      changed.push(v);
    }
    return changed;
  }
  /** Per clock, what the projection last received (see changedDeadlines). */
  private readonly projected = new Map<string, string>();
  /** The search attributes as last upserted. */
  private searchAttributes: string | undefined;

  private async write(step: Step): Promise<void> {
    const seq = ++this.seq;
    this.stepsThisRun++;
    const next = this.nextDue();
    const row = this.row();
    // The e-mails the step causes go to the outbox with the step, in its statement (versioned: histories before
    // this change sent each through the notify activity after the step).
    const announcing = step.openTasks?.length ? step.openTasks : [];
    const withStep = (step.mail?.length || announcing.length) > 0 && patched(MAIL_WITH_STEP);
    const mail = withStep
      ? [
          ...(step.mail ?? []),
          ...(this.versioned('task-assigned-mail') ? announcing.map((t) => this.taskMail(t, seq)) : []),
        ]
      : undefined;
    // The first version projected through a regular activity (its input, the row and deadlines, in history).
    const recordStep = this.versioned('local-record-step') ? localActs.recordStep : acts.recordStep;
    await recordStep({
      caseNumber: this.number,
      seq,
      at: new Date(Date.now()).toISOString(),
      actorId: step.actor.id,
      action: step.action,
      details: step.details,
      case: {
        ...row,
        overdue: this.overdue,
        nextDueOn: next?.dueOn ?? null,
        nextDueAt: next?.dueAt ? new Date(next.dueAt).toISOString() : null,
      },
      deadlines: this.changedDeadlines(),
      openTasks: step.openTasks?.map((t) => ({ ...t, unitId: t.unitId ?? this.unitId })),
      closeTasks: step.closeTasks,
      evidence: step.evidence,
      ...(mail?.length ? { mail } : {}),
    });
    // Search attributes change with few steps (stage, overdue, next due date): upserted only then (the first
    // version upserted them on every step, and its cases still do).
    const attributes = JSON.stringify([this.stage, this.unitId, this.overdue, next?.dueAt ?? null]);
    if (attributes !== this.searchAttributes || !this.versioned('search-attributes-on-change')) {
      this.searchAttributes = attributes;
      upsertSearchAttributes([
        { key: CaseStageKey, value: this.stage },
        { key: CaseUnitKey, value: this.unitId },
        { key: OverdueKey, value: this.overdue },
        { key: NextDueKey, value: next?.dueAt ? new Date(next.dueAt) : null },
      ]);
    }
    if (withStep) return;
    // Before the outbox: every task opened announced to whoever must act on it (versioned: histories before that
    // opened tasks without an e-mail), then the step's e-mails, each through the notify activity.
    if (step.openTasks?.length && this.versioned('task-assigned-mail')) {
      for (const t of step.openTasks) this.send(this.taskMail(t, seq));
    }
    for (const m of step.mail ?? []) this.send(m);
  }

  /** Every task opened is announced to whoever must act on it. */
  private taskMail(t: Omit<TaskOpen, 'unitId'> & { unitId?: string }, seq: number): NotifyRequest {
    return {
      key: `${this.number}:task:${t.id}:${seq}`,
      caseNumber: this.number,
      kind: 'task.assigned',
      audience: t.assignees?.length
        ? { userIds: t.assignees }
        : { unitId: t.unitId ?? this.unitId, role: t.role as Role },
      subject: `【待办】${this.number} ${t.title?.zh ?? t.kind} / To do: ${t.title?.en ?? t.kind}`,
      text: [
        ...this.mailHeader(),
        `待办 Task: ${t.title?.zh ?? t.kind} (${t.title?.en ?? t.kind})`,
        `期限 Due: ${t.dueOn ?? '—'}`,
      ].join('\n'),
    };
  }

  /** The last day of `def` counted from `start` with the matter's calendar (no clock kept). */
  dueOf(def: ClockDefinition, start: IsoDate): IsoDate {
    return computeClock(this.calendar, startClock(def, start, [])).dueOn!;
  }

  taskId(kind: string) {
    return `${this.number}:${kind}`;
  }

  private async onClockEvent(e: ClockEvent, clock: StatutoryClock, responsible: Role) {
    const binding = this.clocks.find((b) => b.clock === clock);
    if (e.kind === 'overdue' && binding?.onDue) return binding.onDue(e, clock);
    const title = clock.view().title;
    const overdue = e.kind === 'overdue';
    const subject = overdue
      ? `【逾期】${this.label.zh} ${this.number} ${title.zh}已届满 / Overdue: ${title.en} of ${this.label.en} ${this.number}`
      : `【提醒】${this.label.zh} ${this.number} ${title.zh}将于 ${e.dueOn} 届满 / Due soon: ${title.en} of ${this.label.en} ${this.number}`;
    const text = [
      ...this.mailHeader(),
      `期限 Period: ${title.zh} (${title.en})`,
      `期满日 Due: ${e.dueOn}`,
      overdue
        ? '该期限已届满，尚未办结。请督促承办单位处理。 The period has run out without the act being done.'
        : `距期满还有 ${e.daysBefore} 个工作日。 ${e.daysBefore} working day(s) before the due date.`,
      '',
      '期限计算 How the due date was computed:',
      ...clock.view().explanation.map((l) => `  ${l}`),
    ].join('\n');
    // The step and its e-mail to the unit's supervisors (overdue) or the responsible officers (a warning).
    await this.record({
      actor: SYSTEM_ACTOR,
      action: overdue ? 'deadline.overdue' : 'deadline.warning',
      details: { clock: clock.name, dueOn: e.dueOn, daysBefore: e.daysBefore },
      mail: [
        {
          key: `${this.number}:${clock.name}:${e.key}`,
          caseNumber: this.number,
          kind: overdue ? 'deadline.overdue' : 'deadline.warning',
          audience: { unitId: this.unitId, role: overdue ? 'supervisor' : responsible },
          subject,
          text,
        },
      ],
    });
  }

  /** Sends through the notify activity, without waiting: an SMTP outage delays the e-mail, not the overdue flag
   * or the next deadline. For e-mails whose outcome the matter hears of (`sent`); the others go with their step
   * (Step.mail). */
  send(req: NotifyRequest): void {
    if (this.sending.has(req.key)) return;
    const p = acts
      .notify(req)
      .then((r) => this.sent(req, r))
      .finally(() => this.sending.delete(req.key));
    this.sending.set(req.key, { req, p });
  }

  /** After an e-mail went out, or was refused for good (in the run that sent it, whichever run started it): by
   * default nothing. */
  protected sent(_req: NotifyRequest, _result: NotifyResult): Promise<void> | void {}

  /** Before the workflow completes: every e-mail it started has been sent. */
  async drain(): Promise<void> {
    while (this.sending.size) await Promise.all([...this.sending.values()].map((m) => m.p));
  }

  /** The calendar changed: reload it and recompute every clock; the projection shows the new due dates. */
  async recomputeCalendar(): Promise<DeadlineMove[]> {
    if (this.clocks.every((b) => b.clock.stopped)) return [];
    this.calendar = await this.fetchCalendar();
    // A stopped clock's due date is history: only running clocks take the new calendar.
    const moved = this.clocks
      .filter((b) => !b.clock.stopped)
      .map((b) => ({ clock: b.clock.name, before: b.clock.dueOn, moved: b.clock.setCalendar(this.calendar) }))
      .filter((m) => m.moved)
      .map((m) => ({ clock: m.clock, from: m.before ?? null, to: this.clock(m.clock).dueOn ?? null }));
    await this.record({ actor: SYSTEM_ACTOR, action: 'deadline.recomputed', details: { moved } });
    return moved;
  }

  clockViews(): ClockView[] {
    return this.clocks.map((b) => b.clock.view());
  }
}

export interface DeadlineMove {
  clock: string;
  from: string | null;
  to: string | null;
}
