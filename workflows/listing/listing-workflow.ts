// The credit-listing workflow (docs/rules.md, "Credit lists"): one per listing, workflow ID = listing number. It
// reads like the procedure: an officer's proposal → the head's listing decision (a serious listing of a county
// or city office one level up, as the rule pack says) → on the list, where the entity may apply for removal (the
// head decides in 5 WD for the abnormal list, 7 WD for the serious list; early removal from the serious list
// after a year) → the abnormal list leads to the serious list after 3 years uncured, and a serious listing ends
// by itself after 3 years. The listing sleeps between steps: a few clocks and a small state.
import { allHandlersFinished, condition, setHandler } from '@temporalio/workflow';
import { checkApplyRemoval, checkDecideListing, checkDecideRemoval } from '../../domain/credit/listing.js';
import {
  ABNORMAL_ESCALATION,
  ABNORMAL_REMOVAL_DECISION,
  SERIOUS_EARLY_REMOVAL,
  SERIOUS_LISTING_TERM,
  SERIOUS_REMOVAL_DECISION,
} from '../../domain/rules/periods.js';
import type { UpdateDefinition } from '@temporalio/common';
import type { CommandResult } from '../../schema/common.js';
import type { ListingInput, ListingStage } from '../../schema/credit-list.js';
import type { Refusal } from '../../schema/errors.js';
import { SYSTEM_ACTOR } from '../../schema/roles.js';
import type { IsoDate } from '../../schema/values/dates.js';
import type { ClockEvent } from '../../domain/clock/clock.js';
import { unauthenticated } from '../matter/authenticated.js';
import { ListingContext } from './context.js';
import {
  applyRemovalUpdate,
  calendarChangedSignal,
  decideListingUpdate,
  decideRemovalUpdate,
  listingViewQuery,
  recomputeDeadlinesUpdate,
  type Command,
} from './messages.js';

export interface ListingSummary {
  number: string;
  stage: ListingStage;
  outcome: string | null;
}

export async function creditListing(input: ListingInput): Promise<ListingSummary> {
  const c = new ListingContext(input);
  setHandler(listingViewQuery, () => c.view());
  setHandler(calendarChangedSignal, async () => void (await c.recomputeCalendar()));
  setHandler(recomputeDeadlinesUpdate, () => c.recomputeCalendar());
  registerHandlers(c);
  await c.init();

  // 拟列入: the proposal awaits the head of the deciding unit.
  const p = input.proposal;
  await c.record({
    actor: input.proposedBy,
    action: 'listing.proposed',
    details: {
      list: p.list,
      reason: p.list === 'abnormal' ? p.reason : null,
      caseNumber: p.list === 'serious' ? p.caseNumber : null,
      foundOn: p.foundOn,
      approvingUnitId: input.approvingUnitId,
    },
    openTasks: [decideTask(c, 'decide-listing', p.list === 'serious')],
  });
  c.opened = true;

  await condition(() => c.stage === 'closed' && c.settled());
  await c.finish(c.today(), '名单记录已结束 listing ended');
  await condition(allHandlersFinished);
  await c.drain();
  return { number: c.number, stage: c.stage, outcome: c.outcome };
}

/** A head's task, for the unit that decides (one level up for the serious list, where the rule pack says so). */
function decideTask(c: ListingContext, kind: string, serious: boolean, dueOn: string | null = null) {
  const titles: Record<string, { zh: string; en: string }> = {
    'decide-listing': { zh: '作出列入名单决定', en: 'decide the listing' },
    'decide-escalation': {
      zh: '作出列入严重违法失信名单决定（经营异常名录届满三年）',
      en: 'decide the serious listing (three years on the abnormal list)',
    },
    'decide-removal': { zh: '作出移出名单决定', en: 'decide the removal' },
  };
  return {
    id: c.taskId(kind),
    kind: kind.replace(/-R\d+$/, ''),
    title: titles[kind.replace(/-R\d+$/, '')],
    role: 'agency_head',
    unitId: serious ? c.input.approvingUnitId : c.unitId,
    dueOn,
  };
}

/** One validated command: the validator runs the domain guard (a refusal changes nothing); a command that
 * arrives before the proposal is recorded waits for it and is checked again. */
function command<T>(
  c: ListingContext,
  def: UpdateDefinition<CommandResult, [Command<T>]>,
  check: (cmd: Command<T>) => Refusal | undefined,
  run: (cmd: Command<T>) => Promise<void>,
) {
  setHandler(
    def,
    async (cmd) => {
      if (!c.opened) {
        await condition(() => c.opened);
        c.refuse(check(cmd));
      }
      await run(cmd);
      return c.result();
    },
    { validator: (cmd) => c.refuse(unauthenticated(cmd) ?? check(cmd)) },
  );
}

/** On the list from `on`: the list's own clocks start (escalation, or the term and the early-removal day). */
function listOn(c: ListingContext, on: IsoDate, by: string) {
  c.entries.push({ list: c.list, listedOn: on, decidedBy: by, endedOn: null, endedBy: null });
  c.stage = 'listed';
  if (c.list === 'abnormal') {
    const clock = c.spawnClock(ABNORMAL_ESCALATION, on, 'case_officer', (e) => escalationDue(c, e));
    c.escalatesOn = clock.dueOn ?? null;
  } else {
    const term = c.spawnClock(SERIOUS_LISTING_TERM, on, 'agency_head', (e) => expire(c, e));
    c.endsOn = term.dueOn ?? null;
    c.escalatesOn = null;
    c.earliestRemovalOn = c.dueOf(SERIOUS_EARLY_REMOVAL, on);
  }
}

function endEntry(c: ListingContext, on: IsoDate, by: 'removed' | 'expired' | 'escalated') {
  const e = c.current();
  if (e) Object.assign(e, { endedOn: on, endedBy: by });
}

/** 届满三年仍未履行: the serious listing is proposed to the head who decides it. */
async function escalationDue(c: ListingContext, e: ClockEvent) {
  c.stopClock(ABNORMAL_ESCALATION.name, e.dueOn, '届满三年 three years on the list');
  if (c.stage !== 'listed' || c.list !== 'abnormal') return;
  c.stage = 'escalation';
  await c.record({
    actor: SYSTEM_ACTOR,
    action: 'listing.escalation_due',
    details: { since: c.current()!.listedOn, dueOn: e.dueOn },
    openTasks: [decideTask(c, 'decide-escalation', true)],
  });
}

/** 列入严重违法失信名单满三年: the listing ends by itself. */
async function expire(c: ListingContext, e: ClockEvent) {
  c.stopClock(SERIOUS_LISTING_TERM.name, e.dueOn, '期满移出 term ended');
  if (c.stage === 'closed') return;
  endEntry(c, e.dueOn, 'expired');
  c.stage = 'closed';
  c.outcome = 'expired';
  const pending = c.pendingRemoval();
  await c.record({
    actor: SYSTEM_ACTOR,
    action: 'listing.expired',
    details: { list: c.list, endedOn: e.dueOn },
    closeTasks: pending ? [c.taskId(`decide-removal-${pending.id}`)] : [],
  });
}

function registerHandlers(c: ListingContext) {
  command(
    c,
    decideListingUpdate,
    ({ actor, command }) => checkDecideListing(c.facts(), actor, command),
    async ({ actor, command }) => {
      const escalation = c.stage === 'escalation';
      const list = escalation ? 'serious' : c.list;
      c.decisions.push({
        on: command.on,
        by: actor.id,
        list,
        decision: command.decision,
        reasons: command.reasons,
      });
      if (command.decision === 'list') {
        if (escalation) endEntry(c, command.on, 'escalated');
        c.list = list;
        listOn(c, command.on, actor.id);
      } else if (escalation)
        c.stage = 'listed'; // stays on the abnormal list
      else {
        c.stage = 'closed';
        c.outcome = 'declined';
      }
      await c.record({
        actor,
        action: 'listing.decided',
        details: {
          list,
          decision: command.decision,
          on: command.on,
          reasons: command.reasons,
          endsOn: c.endsOn,
          earliestRemovalOn: c.earliestRemovalOn,
          escalatesOn: c.escalatesOn,
        },
        closeTasks: [c.taskId(escalation ? 'decide-escalation' : 'decide-listing')],
      });
    },
  );

  command(
    c,
    applyRemovalUpdate,
    ({ actor, command }) => checkApplyRemoval(c.facts(), actor, command),
    async ({ actor, command }) => {
      const id = `R${c.removals.length + 1}`;
      c.removals.push({
        id,
        list: c.list,
        appliedOn: command.appliedOn,
        grounds: command.grounds,
        recordedBy: actor.id,
        decision: null,
      });
      const period = c.list === 'abnormal' ? ABNORMAL_REMOVAL_DECISION : SERIOUS_REMOVAL_DECISION;
      const clock = c.spawnClock(
        { ...period, name: `removal-decision-${id}` },
        command.appliedOn,
        'agency_head',
      );
      await c.record({
        actor,
        action: 'listing.removal_applied',
        details: {
          removalId: id,
          list: c.list,
          appliedOn: command.appliedOn,
          decisionDueOn: clock.dueOn ?? null,
        },
        openTasks: [decideTask(c, `decide-removal-${id}`, c.list === 'serious', clock.dueOn ?? null)],
      });
    },
  );

  command(
    c,
    decideRemovalUpdate,
    ({ actor, command }) => checkDecideRemoval(c.facts(), actor, command),
    async ({ actor, command }) => {
      const r = c.pendingRemoval()!;
      r.decision = { result: command.decision, on: command.on, by: actor.id, reasons: command.reasons };
      c.stopClock(`removal-decision-${r.id}`, command.on, '已决定 decided');
      const removed = command.decision === 'remove';
      const escalation = c.stage === 'escalation';
      if (removed) {
        endEntry(c, command.on, 'removed');
        c.stage = 'closed';
        c.outcome = 'removed';
      }
      await c.record({
        actor,
        action: 'listing.removal_decided',
        details: { removalId: r.id, result: command.decision, on: command.on, reasons: command.reasons },
        closeTasks: [
          c.taskId(`decide-removal-${r.id}`),
          ...(removed && escalation ? [c.taskId('decide-escalation')] : []),
        ],
      });
    },
  );
}
