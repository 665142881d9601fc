// The state of one enforcement case as one phase's workflow holds it: the filing decision, the investigation
// record, the outcome. It is built from a CaseState (plain data) and gives one back (state()), so a phase can
// continue as new or hand the case to the next phase. Clocks, audit steps, the projection and e-mails come from
// MatterContext.
import { condition } from '@temporalio/workflow';
import { yearOf } from '../../schema/values/dates.js';
import type { DetailsOf } from '../../schema/events.js';
import type { Actor } from '../../schema/roles.js';
import type { CaseFacts } from '../../domain/case/guards.js';
import { NATIONAL_DEFAULTS } from '../../domain/rules/packs/national.js';
import { DEFENCE, FILING_DECISION, HEARING_NOTICE, REPORT_FEEDBACK } from '../../domain/rules/periods.js';
import type { ProceedingsView } from '../../schema/decision.js';
import { decisionEffective } from './proceedings/decision.js';
import { defencePeriodEnded, noticeEffective } from './proceedings/notice.js';
import { reviewClockName } from './proceedings/review.js';
import type { CaseInput, CaseStage, CaseView } from '../../schema/case.js';
import type { ResolvedRulePack } from '../../schema/rule-pack.js';
import {
  MatterContext,
  type DueRef,
  type MatterRow,
  type OnDue,
  type Step,
} from '../matter/matter-context.js';
import type { InvestigationState } from '../../domain/case/investigation-state.js';
import { lapse } from './investigation/measures.js';
import { windowLapsed } from './investigation/transfer.js';
import { feedbackRejected, feedbackSent, REPORT_MAIL } from './report-feedback.js';
import type { NotifyRequest, NotifyResult } from '../../activities/index.js';
import { ANSWERS_KEPT, transferItemsSettled, type CaseState } from './state.js';
import type { CommandResult } from '../../schema/common.js';
import type { Refusal } from '../../schema/errors.js';
import { CASE_DATA_BUDGET_BYTES, GROWING_COMMANDS, utf8Bytes } from '../../domain/case/limits.js';
import type { ExecutionFacts } from '../../domain/case/execution.js';
import type { ExecutionView } from '../../schema/execution.js';
import { PAYMENT_DEMAND, PAYMENT_DEMAND_LATEST } from '../../domain/rules/periods.js';
import { REMEDY_WINDOWS } from './execution/open.js';
import { demandWaitOver, paymentDue } from './execution/payment.js';
import { publicityEnded } from './execution/publicity.js';
import { windowEnded } from './execution/remedies.js';
import { owesAfterClosure } from './phases/publicity.js';

/** The audit events that end a case. */
type CaseEndAction = 'case.terminated' | 'case.transferred_to_police' | 'simplified.decided';

/** Cases started before rule packs existed run under the national defaults of that time. */
const LEGACY_PACK: ResolvedRulePack = { ref: 'national@1', content: NATIONAL_DEFAULTS };

export class CaseContext extends MatterContext {
  stage: CaseStage;
  filing: CaseView['filing'];
  investigation: InvestigationState;
  outcome: CaseView['outcome'];
  report: CaseView['report'];
  proceedings: ProceedingsView | null;
  execution: ExecutionView | null;
  readonly pack: ResolvedRulePack;
  /** The phase has written its opening steps: commands run after them (set by the phase, see phase.ts). */
  opened = false;
  /** The phase is over: commands go to the next one (set by the phase, see phase.ts). */
  phaseOver: () => boolean = () => false;
  private readonly answers: { id: string; result: CommandResult }[];
  /** The commands this phase takes (see handler.ts). */
  readonly commands = new Set<string>();

  constructor(
    readonly input: CaseInput,
    s: CaseState,
  ) {
    super(input.caseNumber, input.unitId, input.warnBefore, yearOf(input.clue.discoveredOn), s.matter);
    this.pack = input.rulePack ?? LEGACY_PACK;
    this.stage = s.stage;
    this.filing = s.filing;
    this.investigation = s.investigation;
    this.outcome = s.outcome;
    this.report = s.report;
    this.proceedings = s.proceedings ?? null;
    this.execution = s.execution ?? null;
    this.answers = [...(s.answers ?? [])];
  }

  /** The case as data, to hand over (see CaseState). */
  state(): CaseState {
    return {
      stage: this.stage,
      filing: this.filing,
      investigation: this.investigation,
      outcome: this.outcome,
      report: this.report,
      proceedings: this.proceedings,
      execution: this.execution,
      matter: this.matterState(),
      answers: this.answers,
    };
  }

  /** A command that adds to the case is refused once the case's data has reached its budget (domain/case/limits.ts). */
  roomFor(command: string): Refusal | undefined {
    if (!GROWING_COMMANDS.has(command)) return undefined;
    const budget = this.input.dataBudgetBytes ?? CASE_DATA_BUDGET_BYTES;
    const size = utf8Bytes(JSON.stringify(this.state()));
    return size > budget ? { code: 'CASE_TOO_LARGE', detail: `${size} > ${budget} bytes` } : undefined;
  }

  /** The answer already given to this Update ID, in this run or an earlier one (see CaseState.answers). */
  answered(id: string | undefined): CommandResult | undefined {
    return id === undefined ? undefined : this.answers.find((a) => a.id === id)?.result;
  }
  remember(id: string | undefined, result: CommandResult): CommandResult {
    if (id === undefined) return result;
    this.answers.push({ id, result });
    if (this.answers.length > ANSWERS_KEPT) this.answers.shift();
    return result;
  }

  /** The case's cases are all of this version: no shipped history predates a patch. */
  protected override versioned(): boolean {
    return true;
  }

  /** The reporter's e-mail went out: the feedback is recorded; the address was refused for good: the intake
   * office tells the reporter another way (see report-feedback.ts). */
  protected override sent(req: NotifyRequest, result: NotifyResult): Promise<void> | void {
    if (req.kind !== REPORT_MAIL) return;
    return result.status === 'rejected' ? feedbackRejected(this) : feedbackSent(this);
  }

  /** What a case's clocks do when they run out, besides telling the supervisors. */
  protected override resolveDue(due: DueRef): OnDue | undefined {
    switch (due.kind) {
      case 'preservation-lapse': // the 7 WD ran out: the preservation lapses (APL 56)
        return (e, clock) => lapse(this, due.ref!, clock.dueOn ?? e.dueOn);
      case 'transfer-window': // a window to contest the police's refusal passed
        return () => windowLapsed(this);
      case 'notice-effective': // a notice served by public notice took effect 30 CD after publication
        return (e, clock) => noticeEffective(this, clock.dueOn ?? e.dueOn);
      case 'defence-end': // the party's 5 WD ran out: silence waives statement, defence and hearing
        return () => defencePeriodEnded(this);
      case 'decision-effective': // a decision served by public notice took effect
        return (e, clock) => decisionEffective(this, clock.dueOn ?? e.dueOn);
      case 'payment-due': // the payment period (or the agreed one) ran out: the surcharge accrues (APL 72)
        return (e, clock) => paymentDue(this, clock.name, clock.dueOn ?? e.dueOn);
      case 'remedy-window': // a party's window for reconsideration or a lawsuit ran out
        return (e, clock) => windowEnded(this, clock.name, clock.dueOn ?? e.dueOn);
      case 'demand-wait': // 10 WD after the payment demand: the court may be asked (ACL 54)
        return (e, clock) => demandWaitOver(this, clock.dueOn ?? e.dueOn);
      case 'publicity-end': // the record's time is over: it stops being shown
        return (e, clock) => publicityEnded(this, clock.dueOn ?? e.dueOn);
      default:
        return undefined;
    }
  }

  facts(): CaseFacts {
    return {
      stage: this.stage,
      unitId: this.input.unitId,
      filingExtensions: this.filing.extensions,
      investigation: this.investigation,
      pack: this.pack.content,
      clue: this.input.clue,
      caseClockRunning: this.caseClock()?.stopped === false,
      today: this.today(),
      filingDueOn: this.clockDue(FILING_DECISION.name),
      caseDueOn: this.caseClock()?.dueOn,
      holdClash: (from, seizureIds) => {
        const clocks = [...this.pausableClocks(), ...seizureIds.map((s) => this.clock(`seizure-${s}`))];
        return clocks.map((k) => k.checkHold(from)).find((e) => e !== undefined)?.code;
      },
      proceedings: this.proceedings,
      caseReviewDueOn: this.proceedings ? this.clockDue(reviewClockName(this.proceedings)) : undefined,
      defenceDueOn: this.clockDue(DEFENCE.name),
      earliestHearingOn: (on) => this.dueOf(HEARING_NOTICE, on),
      measureDueOn: (id) => {
        const name = this.investigation.measures.find((m) => m.id === id)?.clock;
        return name ? this.clockDue(name) : undefined;
      },
    };
  }

  /** What the guards of a served case need (domain/case/execution.ts). */
  executionFacts(): ExecutionFacts {
    const p = this.proceedings;
    const running = (name: string) => this.hasClock(name) && !this.clock(name).stopped;
    return {
      execution: this.execution!,
      decided: p!.decision!.outcome,
      decidedOn: p!.decision!.on,
      respondentKind: this.input.clue.respondent.kind,
      windowsOpen: REMEDY_WINDOWS.filter(running),
      demandWaitEndsOn: this.clockDue(PAYMENT_DEMAND.name),
      enforcementLatestOn: this.clockDue(PAYMENT_DEMAND_LATEST.name),
      transferSettled: transferItemsSettled(this),
      realNameReport: !!this.report?.realName,
      redecisions: p?.annulledDecisions?.length ?? 0,
    };
  }

  protected row(): MatterRow {
    const clue = this.input.clue;
    return {
      number: this.number,
      kind: 'case',
      unitId: this.input.unitId,
      stage: this.stage,
      status: this.stage === 'closed' ? 'closed' : 'open',
      source: clue.source,
      respondent: clue.respondent,
      summary: clue.summary,
      discoveredOn: clue.discoveredOn,
      details: {
        outcome: this.outcome,
        rulePack: this.pack.ref,
        transfer: this.investigation.transfer?.status,
        // A closed case the law still runs on (publicity, repair, appeals, a reward): its live state is read.
        ...(this.stage === 'closed' && this.execution ? { followUp: owesAfterClosure(this.state()) } : {}),
      },
      rulePack: this.pack.ref,
      createdBy: this.input.registeredBy.id,
      createdAt: this.createdAt,
    };
  }

  protected mailHeader(): string[] {
    return [`案件编号 Case: ${this.number}`, `当事人 Respondent: ${this.input.clue.respondent.name}`];
  }

  /** Tasks that end with the case: the filing decision, the investigation, pending approvals. */
  closingTasks(): string[] {
    const pending = this.investigation.approvals.filter((a) => a.status === 'pending');
    return [
      this.taskId('decide-filing'),
      this.taskId('investigate'),
      ...['case-review', 'legal-review', 'serve-notice', 'schedule-hearing', 'hold-hearing', 'decide'].map(
        (k) => this.taskId(k),
      ),
      ...pending.map((a) => this.taskId(`approve-${a.id}`)),
    ];
  }

  /**
   * Every way a case ends goes through here: the stage closes and the outcome is set at once (so no command slips
   * in), then, once `ready` holds, the case's clocks stop and one audit step records the end and closes every
   * task the case still had open. Clocks that outlive the case (the reporter's feedback, a transfer's items)
   * are started after it.
   */
  close<A extends CaseEndAction>(
    outcome: NonNullable<CaseView['outcome']>,
    step: { actor: Actor; action: A; details: DetailsOf<A> },
    reason: string,
    ready?: () => boolean,
  ): Promise<void> {
    this.stage = 'closed';
    this.outcome = outcome;
    const finish = () => {
      this.stopCaseClocks(outcome.on, reason);
      return this.record({ ...step, closeTasks: this.closingTasks() } as unknown as Step);
    };
    return ready ? condition(ready).then(finish) : finish();
  }

  stopCaseClocks(on: string, reason: string) {
    for (const clock of this.runningClocks()) if (clock.name !== REPORT_FEEDBACK.name) clock.stop(on, reason);
  }

  private clockDue(name: string) {
    return this.hasClock(name) ? this.clock(name).dueOn : undefined;
  }

  /** The case clock (docs/rules.md), once the case is filed. */
  caseClock() {
    return this.hasClock('case') ? this.clock('case') : undefined;
  }

  /** The clocks a testing or a suspension pauses: the case clock, or the filing clock before filing. */
  pausableClocks() {
    const main = this.caseClock() ?? (this.hasClock('filing') ? this.clock('filing') : undefined);
    return main && !main.stopped ? [main] : [];
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
      rulePack: this.pack.ref,
      filing: this.filing,
      investigation: this.investigation,
      report: this.report,
      proceedings: this.proceedings,
      execution: this.execution,
      outcome: this.outcome,
      clocks: this.clockViews(),
    };
  }
}
