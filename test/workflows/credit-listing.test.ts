// The credit-listing workflow on the time-skipping server, with its real activities (PostgreSQL for the
// projection and audit trail, SMTP on loopback). docs/rules.md, "Credit lists": the abnormal operations list
// (removal decided in 5 WD; 3 years uncured → the serious violations list), the serious violations list (3
// years; early removal applied for after 1 year, decided in 7 WD; a county's listing approved one level up).
// Expected dates come from the calendar and the period catalogue, never literals.
import type { UpdateDefinition } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { builtinCalendar } from '../../services/calendar/builtin.js';
import { createActivities } from '../../activities/index.js';
import { periodDue } from '../../domain/rules/catalogue.js';
import {
  ABNORMAL_ESCALATION,
  ABNORMAL_REMOVAL_DECISION,
  SERIOUS_EARLY_REMOVAL,
  SERIOUS_LISTING_TERM,
  SERIOUS_REMOVAL_DECISION,
} from '../../domain/rules/periods.js';
import type { CommandResult } from '../../schema/common.js';
import type { ListingInput, ListingView, ProposeListing } from '../../schema/credit-list.js';
import type { Actor } from '../../schema/roles.js';
import { addDays, chinaDateOf, daysBetween } from '../../schema/values/dates.js';
import {
  applyRemovalUpdate,
  decideListingUpdate,
  decideRemovalUpdate,
  listingViewQuery,
  type Command,
} from '../../workflows/listing/messages.js';
import { expectTypedAuditTrail } from '../helpers/audit.js';
import { actor } from '../helpers/cases.js';
import { freshDb, type TestDb } from '../helpers/db.js';
import { eventually } from '../helpers/eventually.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';
import { testWorker, timeSkippingEnv } from '../helpers/temporal.js';

type ListingUpdate<C> = UpdateDefinition<CommandResult, [Command<C>], string>;
const DAY = 86_400_000;
let env: TestWorkflowEnvironment;
let tdb: TestDb;
let smtp: TestSmtp;
let n = 0;
const running: { terminate(): Promise<unknown> }[] = [];
const cal = builtinCalendar();

const officer = actor('officer1', ['case_officer']);
const head = actor('head1', ['agency_head']);
const cityHead = actor('cityhead', ['agency_head'], 'city');
const entity = { kind: 'organisation' as const, name: '演示贸易有限公司', uscc: '91350100M000100Y43' };

beforeAll(async () => {
  [env, tdb, smtp] = await Promise.all([timeSkippingEnv(), freshDb(), startTestSmtp()]);
});
afterAll(async () => {
  await env?.teardown();
  if (tdb) expect(await expectTypedAuditTrail(tdb.db)).toBeGreaterThan(0);
  await tdb?.drop();
  await smtp?.stop();
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((h) => h.terminate().catch(() => undefined)));
});

async function startListing(proposal: (today: string) => ProposeListing) {
  const taskQueue = `listing-${++n}`;
  const worker = await testWorker(env, taskQueue, createActivities({ db: tdb.db, mailer: smtp.mailer }));
  const today = async () => chinaDateOf(await env.currentTimeMs());
  const number = `DC-XY-TEST-${n}-${Date.now()}`;
  const input: ListingInput = {
    listingNumber: number,
    unitId: 'dc',
    approvingUnitId: 'city',
    proposal: proposal(await today()),
    proposedBy: officer,
    warnBefore: [3],
    rulePack: 'national@1',
  };
  const handle = await env.client.workflow.start('creditListing', {
    taskQueue,
    workflowId: number,
    args: [input],
  });
  running.push(handle);
  const view = () => handle.query(listingViewQuery);
  const update = async <C>(def: ListingUpdate<C>, by: Actor, command: NoInfer<C>): Promise<ListingView> => {
    const result = await handle.executeUpdate(def, { args: [{ actor: by, command }] });
    const v = await view();
    expect(result).toMatchObject({ number, stage: v.stage, status: v.status });
    return v;
  };
  const refused = (p: Promise<unknown>, code: string) =>
    expect(p).rejects.toMatchObject({ cause: { type: code } });
  /** Lets time pass until `day` (China time), in sleeps of at most 60 days (the test server's pings stay short). */
  const sleepUntil = async (day: string) => {
    for (;;) {
      const ahead = daysBetween(await today(), day);
      if (ahead <= 0) return;
      await env.sleep(Math.min(ahead, 60) * DAY);
    }
  };
  return { worker, handle, number, today, view, update, refused, sleepUntil };
}

const tasks = (number: string) =>
  tdb.db.task.findMany({ where: { caseNumber: number }, orderBy: { createdAt: 'asc' } });
const actions = async (number: string) =>
  (await tdb.db.auditEntry.findMany({ where: { caseNumber: number }, orderBy: { seq: 'asc' } })).map(
    (a) => a.action,
  );

describe('credit listing workflow (time-skipping server, PostgreSQL, SMTP)', () => {
  it('abnormal operations list: listed by the unit’s own head, removal applied for and granted within 5 WD', async () => {
    const l = await startListing((today) => ({
      list: 'abnormal',
      reason: 'no_annual_report',
      entity,
      facts: '未在6月30日前报送2025年度年度报告',
      foundOn: today,
    }));
    await l.worker.runUntil(async () => {
      const on = await l.today();
      await eventually(async () => expect((await l.view()).stage).toBe('proposed'));
      // The abnormal list is the county's own: a head above does not decide it.
      await l.refused(
        l.handle.executeUpdate(decideListingUpdate, {
          args: [{ actor: cityHead, command: { decision: 'list', on, reasons: '逾期未报' } }],
        }),
        'LISTING_APPROVAL_ELSEWHERE',
      );
      const listed = await l.update(decideListingUpdate, head, { decision: 'list', on, reasons: '逾期未报' });
      expect(listed).toMatchObject({ stage: 'listed', list: 'abnormal', listedOn: on });
      expect(listed.escalatesOn).toBe(periodDue(cal, ABNORMAL_ESCALATION, on).due);
      expect(listed.earliestRemovalOn).toBeNull();

      // The entity files its report and applies: the head decides within 5 WD of the application.
      await l.sleepUntil(addDays(on, 10));
      const appliedOn = await l.today();
      const applied = await l.update(applyRemovalUpdate, officer, { appliedOn, grounds: '已补报年度报告' });
      const clock = applied.clocks.find((c) => c.name === 'removal-decision-R1')!;
      expect(clock.dueOn).toBe(periodDue(cal, ABNORMAL_REMOVAL_DECISION, appliedOn).due);
      await l.refused(
        l.handle.executeUpdate(applyRemovalUpdate, {
          args: [{ actor: officer, command: { appliedOn, grounds: '再次申请' } }],
        }),
        'LISTING_REMOVAL_PENDING',
      );
      const removed = await l.update(decideRemovalUpdate, head, {
        decision: 'remove',
        on: appliedOn,
        reasons: '已履行公示义务',
      });
      expect(removed).toMatchObject({ stage: 'closed', status: 'closed', outcome: 'removed' });
      expect(removed.entries).toEqual([
        expect.objectContaining({ list: 'abnormal', listedOn: on, endedOn: appliedOn, endedBy: 'removed' }),
      ]);
      expect(await l.handle.result()).toMatchObject({ stage: 'closed', outcome: 'removed' });
    });
    expect(await actions(l.number)).toEqual([
      'listing.proposed',
      'listing.decided',
      'listing.removal_applied',
      'listing.removal_decided',
    ]);
    expect((await tasks(l.number)).map((t) => [t.kind, t.status, t.unitId])).toEqual([
      ['decide-listing', 'closed', 'dc'],
      ['decide-removal', 'closed', 'dc'],
    ]);
    const row = await tdb.db.case.findUniqueOrThrow({ where: { number: l.number } });
    expect(row).toMatchObject({ kind: 'listing', stage: 'closed', status: 'closed' });
  });

  it('three years on the abnormal list uncured: the serious list, approved one level up; early removal only after a year; the listing ends by itself after three years', async () => {
    const l = await startListing((today) => ({
      list: 'abnormal',
      reason: 'unreachable',
      entity,
      facts: '通过登记的住所无法联系',
      foundOn: today,
    }));
    await l.worker.runUntil(async () => {
      const on = await l.today();
      await eventually(async () => expect((await l.view()).stage).toBe('proposed'));
      const listed = await l.update(decideListingUpdate, head, { decision: 'list', on, reasons: '无法联系' });
      const escalatesOn = listed.escalatesOn!;

      // The three years run out: the serious listing awaits the city's head.
      await l.sleepUntil(addDays(escalatesOn, 1));
      await eventually(async () => expect((await l.view()).stage).toBe('escalation'));
      const task = (await tasks(l.number)).find((t) => t.kind === 'decide-escalation')!;
      expect(task).toMatchObject({ status: 'open', unitId: 'city', role: 'agency_head' });
      const seriousOn = await l.today();
      await l.refused(
        l.handle.executeUpdate(decideListingUpdate, {
          args: [{ actor: head, command: { decision: 'list', on: seriousOn, reasons: '届满三年' } }],
        }),
        'LISTING_APPROVAL_ELSEWHERE',
      );
      const serious = await l.update(decideListingUpdate, cityHead, {
        decision: 'list',
        on: seriousOn,
        reasons: '列入经营异常名录届满三年仍未履行',
      });
      expect(serious).toMatchObject({ stage: 'listed', list: 'serious', listedOn: seriousOn });
      expect(serious.entries.map((e) => [e.list, e.endedBy])).toEqual([
        ['abnormal', 'escalated'],
        ['serious', null],
      ]);
      expect(serious.endsOn).toBe(periodDue(cal, SERIOUS_LISTING_TERM, seriousOn).due);
      expect(serious.earliestRemovalOn).toBe(periodDue(cal, SERIOUS_EARLY_REMOVAL, seriousOn).due);

      // Early removal: refused before a year on the list, then applied for and refused by the city's head.
      await l.refused(
        l.handle.executeUpdate(applyRemovalUpdate, {
          args: [{ actor: officer, command: { appliedOn: seriousOn, grounds: '已恢复联系' } }],
        }),
        'LISTING_REMOVAL_TOO_EARLY',
      );
      await l.sleepUntil(serious.earliestRemovalOn!);
      const appliedOn = await l.today();
      const applied = await l.update(applyRemovalUpdate, officer, { appliedOn, grounds: '已恢复联系' });
      expect(applied.clocks.find((c) => c.name === 'removal-decision-R1')!.dueOn).toBe(
        periodDue(cal, SERIOUS_REMOVAL_DECISION, appliedOn).due,
      );
      const kept = await l.update(decideRemovalUpdate, cityHead, {
        decision: 'refuse',
        on: appliedOn,
        reasons: '未满足信用修复条件',
      });
      expect(kept).toMatchObject({ stage: 'listed', list: 'serious' });

      // Three years on the serious list: it ends by itself.
      await l.sleepUntil(addDays(serious.endsOn!, 1));
      const result = await l.handle.result();
      expect(result).toMatchObject({ stage: 'closed', outcome: 'expired' });
    });
    // The officer is warned before the three years run out; the head before the listing ends.
    const all = await actions(l.number);
    expect(all.filter((a) => a === 'deadline.warning').length).toBeGreaterThanOrEqual(2);
    expect(all.filter((a) => !a.startsWith('deadline.'))).toEqual([
      'listing.proposed',
      'listing.decided',
      'listing.escalation_due',
      'listing.decided',
      'listing.removal_applied',
      'listing.removal_decided',
      'listing.expired',
    ]);
    expect((await tasks(l.number)).map((t) => t.status)).toEqual(['closed', 'closed', 'closed']);
  });

  it('a serious listing for a served penalty, declined by the approving head: closed, nothing listed', async () => {
    const l = await startListing((today) => ({
      list: 'serious',
      caseNumber: 'DC-2026-00001',
      entity,
      facts: '销售假冒注册商标商品，情节严重',
      foundOn: today,
    }));
    await l.worker.runUntil(async () => {
      const on = await l.today();
      await eventually(async () => expect((await l.view()).stage).toBe('proposed'));
      const declined = await l.update(decideListingUpdate, cityHead, {
        decision: 'decline',
        on,
        reasons: '不符合列入条件',
      });
      expect(declined).toMatchObject({ stage: 'closed', outcome: 'declined', entries: [] });
      expect(await l.handle.result()).toMatchObject({ outcome: 'declined' });
    });
  });
});
