// `npm run replay:record` — records histories of the case workflow as it is now, for the replay tests.
// Run it when a workflow version ships; keep old histories: replaying them proves new code is compatible
// (changes to shipped workflow code go through patched()).
import proto from '@temporalio/proto';
import type { WorkflowHandle } from '@temporalio/client';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { addDays, chinaDateOf } from '../../schema/values/dates.js';
import type { Actor } from '../../schema/roles.js';
import { caseInput, officer1, principal, proposal, team, TEAM_IDS } from '../helpers/cases.js';
import { registerComplaint } from '../helpers/complaints.js';
import { standaloneEngine } from '../helpers/standalone.js';
import {
  calendarChangedSignal,
  decideFilingUpdate,
  extendFilingUpdate,
} from '../../workflows/case/messages.js';
import * as M from '../../workflows/case/messages.js';
import * as CM from '../../workflows/complaint/messages.js';
import * as LM from '../../workflows/listing/messages.js';
import {
  CALENDAR_RECOMPUTE_WORKFLOW_TYPE,
  type CalendarRecomputeInput,
} from '../../workflows/calendar/messages.js';
import type { ListingInput, ProposeListing } from '../../schema/credit-list.js';
import { startCaseWorkflow, type CaseHandle } from '../helpers/case-client.js';
import type { CaseInput } from '../../schema/case.js';
import type * as D from '../../schema/decision.js';
import type * as I from '../../schema/investigation.js';
import { builtinCalendar } from '../../services/calendar/builtin.js';
import { matterCalendar } from '../../domain/calendar/sources.js';
import { periodDue } from '../../domain/rules/catalogue.js';
import { HEARING_NOTICE } from '../../domain/rules/periods.js';
import { surchargeOf } from '../../domain/case/execution.js';

const DAY = 86_400_000;
const out = path.join(path.dirname(new URL(import.meta.url).pathname), 'histories');

/** Writes a history as binary protobuf (the replay test decodes it with the same @temporalio/proto). */
function save(file: string, history: proto.temporal.api.history.v1.IHistory) {
  mkdirSync(out, { recursive: true });
  writeFileSync(
    path.join(out, `${file}.binpb`),
    proto.temporal.api.history.v1.History.encode(history).finish(),
  );
  console.log(`recorded ${file}: ${history.events?.length} events`);
}
// The recorder's head is also the principal head: it approves transfers.
const head = principal;
const officer = officer1;
const O = TEAM_IDS;

const { db, env, worker, stop } = await standaloneEngine('record');

/** The workflows of a case: its own and each phase's (the phases it reached; later rounds `-<n>`). */
const PHASES = [
  'filing',
  'investigation',
  'review',
  'investigation-2',
  'review-2',
  'notice',
  'hearing',
  'decision',
  'execution',
  'notice-2',
  'decision-2',
  'execution-2',
  'publicity',
  'aftercare',
] as const;

async function scenario(name: string, run: (h: CaseHandle) => Promise<void>, input: Partial<CaseInput> = {}) {
  // A history is a record of a shipped version: never overwritten, only added.
  if (existsSync(path.join(out, `${name}.case.binpb`))) return console.log(`kept ${name}`);
  const caseNumber = `REPLAY-${name}`;
  const h = await startCaseWorkflow(env.client, {
    taskQueue: 'record',
    workflowId: caseNumber,
    args: [
      {
        ...caseInput(caseNumber, chinaDateOf(await env.currentTimeMs()), {
          source: 'random_check',
          respondent: { kind: 'organisation', name: '演示食品店' },
          summary: '双随机抽查发现标签不合格',
        }),
        ...input,
      },
    ],
  });
  await env.sleep(1000);
  await run(h);
  const ids = [['case', caseNumber], ...PHASES.map((p) => [p, `${caseNumber}:${p}`])];
  for (const [label, id] of ids) {
    const history = await env.client.workflow
      .getHandle(id!)
      .fetchHistory()
      .catch(() => undefined);
    // A phase the case did not reach, or only just started (nothing to replay yet).
    if (!history || (history.events?.length ?? 0) < 6) continue;
    save(`${name}.${label}`, history);
  }
  await h.terminate('recorded').catch(() => undefined);
}

const intake: Actor = { id: 'intake1', displayName: 'intake1', roles: ['complaint_handler'], unitId: 'dc' };

/** A complaint with its submission and (confidential) complainant, as the intake endpoint creates them. */
async function complaint(
  name: string,
  run: (h: Awaited<ReturnType<typeof env.client.workflow.start>>) => Promise<void>,
  extra: { stepsPerRun?: number } = {},
) {
  if (existsSync(path.join(out, `${name}.binpb`))) return console.log(`kept ${name}`);
  const number = `REPLAY-TS-${name}`;
  const today = chinaDateOf(await env.currentTimeMs());
  const input = await registerComplaint(db, {
    number,
    submissionId: `SUB-${name}`,
    receivedOn: today,
    complainantEmail: 'complainant@example.test',
    registeredBy: intake,
  });
  const h = await env.client.workflow.start('complaintWorkflow', {
    taskQueue: 'record',
    workflowId: number,
    args: [{ ...input, ...extra }],
  });
  await env.sleep(1000);
  await run(h);
  const history = await h.fetchHistory();
  await h.terminate('recorded').catch(() => undefined);
  save(name, history);
}

/** A credit listing (its own workflow, ID = listing number). */
async function listing(name: string, proposal: ProposeListing, run: (h: WorkflowHandle) => Promise<void>) {
  if (existsSync(path.join(out, `${name}.binpb`))) return console.log(`kept ${name}`);
  const number = `REPLAY-XY-${name}`;
  const input: ListingInput = {
    listingNumber: number,
    unitId: 'dc',
    approvingUnitId: 'city',
    proposal,
    proposedBy: officer,
    warnBefore: [3],
    rulePack: 'national@1',
  };
  const h = await env.client.workflow.start('creditListing', {
    taskQueue: 'record',
    workflowId: number,
    args: [input],
  });
  await env.sleep(1000);
  await run(h);
  const history = await h.fetchHistory();
  await h.terminate('recorded').catch(() => undefined);
  save(name, history);
}

await worker.runUntil(async () => {
  await scenario('v3-filing-overdue', async () => {
    await env.sleep(40 * DAY);
  });
  await scenario('v3-filing-extended-then-filed', async (h) => {
    await h.executeUpdate(extendFilingUpdate, {
      args: [{ actor: head, command: { reason: '需调取外地证据' } }],
    });
    await env.sleep(20 * DAY);
    await h.executeUpdate(decideFilingUpdate, {
      args: [{ actor: head, command: { decision: 'file', reasons: '符合立案条件' } }],
    });
  });
  await scenario('v3-filing-declined', async (h) => {
    await h.executeUpdate(decideFilingUpdate, {
      args: [{ actor: head, command: { decision: 'decline', reasons: '不属于本局管辖' } }],
    });
    await h.result();
  });
  await scenario('v3-calendar-recomputed', async (h) => {
    await h.signal(calendarChangedSignal);
    await env.sleep(2000);
  });
  // Version 2: the investigation, the case clock, head approvals, the transfer, task e-mails.
  await scenario('v3-investigation', async (h) => {
    await h.executeUpdate(decideFilingUpdate, {
      args: [{ actor: head, command: { decision: 'file', reasons: '符合立案条件' } }],
    });
    const cmd = <T>(command: T) => ({ actor: officer, team, command });
    await h.executeUpdate(M.startTestingUpdate, {
      args: [cmd({ officers: O, kind: 'appraisal' as const, description: '委托鉴定', seizureIds: [] })],
    });
    await env.sleep(5 * DAY);
    await h.executeUpdate(M.finishTestingUpdate, {
      args: [cmd({ officers: O, testingId: 'T1', result: '不合格' })],
    });
    await h.executeUpdate(M.requestMeasureUpdate, {
      args: [cmd({ officers: O, kind: 'preservation' as const, items: ['样品'], reasons: '可能灭失' })],
    });
    await h.executeUpdate(M.decideApprovalUpdate, {
      args: [{ actor: head, command: { approvalId: 'A1', approve: true, note: '同意' } }],
    });
    await env.sleep(12 * DAY); // the preservation lapses
    await h.executeUpdate(M.requestSuspensionUpdate, {
      args: [cmd({ officers: O, ground: 'party_missing' as const, explanation: '下落不明' })],
    });
    await h.executeUpdate(M.decideApprovalUpdate, {
      args: [{ actor: head, command: { approvalId: 'A2', approve: true, note: '同意' } }],
    });
    await env.sleep(3 * DAY);
    await h.executeUpdate(M.resumeCaseUpdate, { args: [cmd({ officers: O, explanation: '已到案' })] });
    await h.executeUpdate(M.extendCaseClockUpdate, {
      args: [{ actor: head, command: { reason: '案情复杂' } }],
    });
    await h.executeUpdate(M.proposeTransferUpdate, {
      args: [cmd({ officers: O, suspectedOffence: '涉嫌犯罪', facts: '货值较大' })],
    });
    await h.executeUpdate(M.decideApprovalUpdate, {
      args: [{ actor: head, command: { approvalId: 'A3', approve: false, note: '不构成犯罪' } }],
    });
    await h.executeUpdate(M.concludeInvestigationUpdate, {
      args: [
        {
          ...cmd({ officers: O, reviewerId: 'reviewer1', report: '调查终结报告', proposal: proposal() }),
          reviewer: { id: 'reviewer1', unitId: 'dc', roles: ['legal_reviewer'], certificateNo: null },
        },
      ],
    });
    await env.sleep(120 * DAY); // the case clock runs out in review
  });
  await scenario('v3-on-the-spot', async (h) => {
    await h.executeUpdate(M.onTheSpotDecisionUpdate, {
      args: [
        {
          actor: officer,
          team,
          command: {
            officers: O,
            formNumber: 'JY-1',
            penalty: { kind: 'warning' },
            facts: '事实清楚',
            legalBasis: '依据',
          },
        },
      ],
    });
    await h.result();
  });
  // Per-period roll-over, the hour-counted hand-over, dated steps, the items after the police filed, and a
  // hearing that pauses the case clock.
  await scenario('v3-transfer-accepted', async (h) => {
    const cmd = <T>(command: T) => ({ args: [{ actor: officer, team, command }] as [M.Command<T>] });
    await h.executeUpdate(M.decideFilingUpdate, {
      args: [{ actor: head, command: { decision: 'file', reasons: '符合立案条件' } }],
    });
    await h.executeUpdate(
      M.startTestingUpdate,
      cmd({ officers: O, kind: 'hearing' as const, description: '听证', seizureIds: [] }),
    );
    await env.sleep(2 * DAY);
    await h.executeUpdate(M.finishTestingUpdate, cmd({ officers: O, testingId: 'T1', result: '听证结束' }));
    await h.executeUpdate(
      M.proposeTransferUpdate,
      cmd({ officers: O, suspectedOffence: '生产、销售伪劣产品罪', facts: '货值金额较大' }),
    );
    await h.executeUpdate(M.decideApprovalUpdate, {
      args: [{ actor: head, command: { approvalId: 'A1', approve: true, note: '批准移送' } }],
    });
    await h.executeUpdate(
      M.recordTransferStepUpdate,
      cmd({ step: 'handed_over' as const, officers: O, policeOffice: '公安分局', note: '移送' }),
    );
    await env.sleep(DAY);
    await h.executeUpdate(
      M.recordTransferStepUpdate,
      cmd({ step: 'police_decision' as const, officers: O, accepted: true, note: '立案' }),
    );
    await h.executeUpdate(
      M.recordTransferStepUpdate,
      cmd({ step: 'items_handed_over' as const, officers: O, note: '移交涉案物品' }),
    );
    await h.result();
  });
  // A phase that continues as new (a step budget of 3 per run) in the middle of the investigation, and a
  // reporter told after the case closed.
  await scenario(
    'v3-continued',
    async (h) => {
      const cmd = <T>(command: T) => ({ args: [{ actor: officer, team, command }] as [M.Command<T>] });
      await h.executeUpdate(M.decideFilingUpdate, {
        args: [{ actor: head, command: { decision: 'file', reasons: '符合立案条件' } }],
      });
      await h.executeUpdate(
        M.startTestingUpdate,
        cmd({ officers: O, kind: 'testing' as const, description: '送检', seizureIds: [] }),
      );
      await h.executeUpdate(
        M.requestAssistanceUpdate,
        cmd({ officers: O, office: '某区市场监督管理局', matter: '协查' }),
      );
      await env.sleep(3 * DAY);
      await h.executeUpdate(M.finishTestingUpdate, cmd({ officers: O, testingId: 'T1', result: '不合格' }));
      await h.executeUpdate(
        M.recordAssistanceReplyUpdate,
        cmd({ officers: O, assistanceId: 'H1', summary: '已协查' }),
      );
      await env.sleep(100 * DAY); // the case clock runs out
    },
    { stepsPerRun: 3, report: { submissionId: 'SUB-REPLAY', realName: true, hasEmail: false } },
  );
  // Version 4: review gates, notice, hearing, decision and service.
  const cal = builtinCalendar();
  const today = async () => chinaDateOf(await env.currentTimeMs());
  const reviewerRef = {
    id: 'reviewer1',
    unitId: 'dc',
    roles: ['legal_reviewer'],
    certificateNo: null,
    legalQualified: true,
  };
  const reviewer: Actor = {
    id: 'reviewer1',
    displayName: 'reviewer1',
    roles: ['legal_reviewer'],
    unitId: 'dc',
  };
  const approve = {
    args: [
      { actor: reviewer, reviewer: reviewerRef, command: { result: 'approve' as const, opinion: '同意' } },
    ] as [M.Command<{ result: 'approve'; opinion: string }>],
  };
  const conclude = (outcome?: Parameters<typeof proposal>[0]) => ({
    args: [
      {
        actor: officer,
        team,
        reviewer: reviewerRef,
        command: {
          officers: O,
          reviewerId: 'reviewer1',
          report: '调查终结报告',
          proposal: proposal(outcome),
        },
      },
    ] as [M.Command<I.ConcludeInvestigation>],
  });
  const served = (on: string, method: 'in_person' | 'electronic' | 'public_notice' = 'in_person') => ({
    args: [
      { actor: officer, team, command: { officers: O, service: { method, on, receiver: '当事人' } } },
    ] as [M.Command<D.ServeDecision>],
  });
  await scenario('v4-hearing', async (h) => {
    const cmd = <T>(command: T) => ({ args: [{ actor: officer, team, command }] as [M.Command<T>] });
    await h.executeUpdate(M.decideFilingUpdate, {
      args: [{ actor: head, command: { decision: 'file', reasons: '符合立案条件' } }],
    });
    await h.executeUpdate(
      M.concludeInvestigationUpdate,
      conclude({ kind: 'penalty', penalties: [{ kind: 'fine', amountFen: 15_000_000 }] }),
    );
    await env.sleep(2000);
    await h.executeUpdate(M.caseReviewUpdate, approve);
    await h.executeUpdate(M.legalReviewUpdate, approve);
    const on = await today();
    await h.executeUpdate(M.serveNoticeUpdate, served(on));
    await h.executeUpdate(M.requestHearingUpdate, cmd({ officers: O, requestedOn: on }));
    const hearingOn = periodDue(cal, HEARING_NOTICE, on).due;
    const chair = { id: 'reviewer2', unitId: 'dc', roles: ['legal_reviewer'], certificateNo: null };
    await h.executeUpdate(M.scheduleHearingUpdate, {
      args: [
        {
          actor: officer,
          team,
          chair,
          command: {
            officers: O,
            chairId: 'reviewer2',
            hearingOn,
            place: '听证室',
            public: true,
            notice: { method: 'in_person' as const, on, receiver: '当事人' },
          },
        },
      ],
    });
    while ((await today()) < hearingOn) await env.sleep(DAY);
    await h.executeUpdate(
      M.recordHearingUpdate,
      cmd({
        outcome: 'held' as const,
        officers: O,
        heldOn: hearingOn,
        partyAgents: [],
        record: '听证笔录',
        report: '听证报告',
      }),
    );
    await h.executeUpdate(M.decideCaseUpdate, {
      args: [
        {
          actor: head,
          participants: [
            { id: 'head1', unitId: 'dc', roles: ['agency_head'], certificateNo: null },
            { id: 'head2', unitId: 'dc', roles: ['agency_head'], certificateNo: null },
          ],
          command: {
            outcome: {
              kind: 'penalty' as const,
              penalties: [{ kind: 'fine' as const, amountFen: 12_000_000 }],
            },
            facts: '事实',
            legalBasis: '依据',
            collective: { heldOn: hearingOn, participants: ['head1', 'head2'], minutes: '集体讨论纪要' },
          },
        },
      ],
    });
    await h.executeUpdate(M.serveDecisionUpdate, served(await today()));
    await env.sleep(30 * DAY);
  });
  await scenario('v4-returned-public-notice', async (h) => {
    await h.executeUpdate(M.decideFilingUpdate, {
      args: [{ actor: head, command: { decision: 'file', reasons: '符合立案条件' } }],
    });
    await h.executeUpdate(M.concludeInvestigationUpdate, conclude());
    await env.sleep(2000);
    await h.executeUpdate(M.caseReviewUpdate, {
      args: [
        {
          actor: reviewer,
          reviewer: reviewerRef,
          command: { result: 'return' as const, opinion: '补充调查' },
        },
      ],
    });
    await env.sleep(DAY);
    await h.executeUpdate(M.concludeInvestigationUpdate, conclude());
    await env.sleep(2000);
    await h.executeUpdate(M.caseReviewUpdate, approve);
    await h.executeUpdate(M.serveNoticeUpdate, served(await today()));
    await env.sleep(14 * DAY); // silence: the 5 WD run out
    await h.executeUpdate(M.decideCaseUpdate, {
      args: [{ actor: head, command: { outcome: proposal().outcome, facts: '事实', legalBasis: '依据' } }],
    });
    await h.executeUpdate(M.serveDecisionUpdate, served(await today(), 'public_notice'));
    await env.sleep(35 * DAY);
  });
  // After the served decision: paid late (the surcharge), published, a reconsideration upheld, closed; the
  // publicity phase then holds the closed case.
  await scenario('v5-executed', async (h) => {
    await h.executeUpdate(M.decideFilingUpdate, {
      args: [{ actor: head, command: { decision: 'file', reasons: '符合立案条件' } }],
    });
    await h.executeUpdate(M.concludeInvestigationUpdate, conclude());
    await env.sleep(2000);
    await h.executeUpdate(M.caseReviewUpdate, approve);
    await h.executeUpdate(M.serveNoticeUpdate, served(await today()));
    await h.executeUpdate(M.waiveDefenceUpdate, {
      args: [{ actor: officer, team, command: { officers: O, on: await today(), note: '书面放弃' } }],
    });
    await h.executeUpdate(M.decideCaseUpdate, {
      args: [{ actor: head, command: { outcome: proposal().outcome, facts: '事实', legalBasis: '依据' } }],
    });
    await h.executeUpdate(M.serveDecisionUpdate, served(await today()));
    await env.sleep(2000);
    await h.executeUpdate(M.publishDecisionUpdate, {
      args: [{ actor: officer, team, command: { officers: O, publishedOn: await today() } }],
    });
    await env.sleep(18 * DAY); // the 15 CD run out unpaid
    const filedOn = await today();
    await h.executeUpdate(M.recordRemedyUpdate, {
      args: [
        { actor: officer, command: { kind: 'reconsideration' as const, filedOn, body: '某区人民政府' } },
      ],
    });
    await env.sleep(3 * DAY);
    await h.executeUpdate(M.recordRemedyOutcomeUpdate, {
      args: [
        {
          actor: officer,
          command: { remedyId: 'RM1', on: await today(), result: 'upheld' as const, note: '维持' },
        },
      ],
    });
    const paidOn = await today();
    await h.executeUpdate(M.recordPaymentUpdate, {
      args: [
        {
          actor: officer,
          command: { paidOn, amountFen: 500_000, toward: 'penalty' as const, bankReference: 'BANK-1' },
        },
      ],
    });
    const v = await h.query(M.caseViewQuery);
    const owed = surchargeOf(v.execution!, paidOn).surchargeFen;
    await h.executeUpdate(M.recordPaymentUpdate, {
      args: [
        {
          actor: officer,
          command: { paidOn, amountFen: owed, toward: 'surcharge' as const, bankReference: 'BANK-2' },
        },
      ],
    });
    await h.executeUpdate(M.closeCaseUpdate, {
      args: [{ actor: head, command: { closedOn: paidOn, report: '结案报告' } }],
    });
    await env.sleep(10 * DAY); // the publicity phase holds the closed case
  });
  // A decision annulled on reconsideration with a new one ordered: the record comes down, a second pass from
  // investigation to a new decision, served and published.
  await scenario('v6-redecided', async (h) => {
    const decideAndServe = async () => {
      await h.executeUpdate(M.concludeInvestigationUpdate, conclude());
      await env.sleep(2000);
      await h.executeUpdate(M.caseReviewUpdate, approve);
      await h.executeUpdate(M.serveNoticeUpdate, served(await today()));
      await h.executeUpdate(M.waiveDefenceUpdate, {
        args: [{ actor: officer, team, command: { officers: O, on: await today(), note: '书面放弃' } }],
      });
      await h.executeUpdate(M.decideCaseUpdate, {
        args: [{ actor: head, command: { outcome: proposal().outcome, facts: '事实', legalBasis: '依据' } }],
      });
      await h.executeUpdate(M.serveDecisionUpdate, served(await today()));
      await env.sleep(2000);
      await h.executeUpdate(M.publishDecisionUpdate, {
        args: [{ actor: officer, team, command: { officers: O, publishedOn: await today() } }],
      });
    };
    await h.executeUpdate(M.decideFilingUpdate, {
      args: [{ actor: head, command: { decision: 'file', reasons: '符合立案条件' } }],
    });
    await decideAndServe();
    const filedOn = await today();
    await h.executeUpdate(M.recordRemedyUpdate, {
      args: [
        { actor: officer, command: { kind: 'reconsideration' as const, filedOn, body: '某区人民政府' } },
      ],
    });
    await env.sleep(3 * DAY);
    const on = await today();
    await h.executeUpdate(M.recordRemedyOutcomeUpdate, {
      args: [
        {
          actor: officer,
          command: {
            remedyId: 'RM1',
            on,
            result: 'annulled' as const,
            note: '撤销并责令重新作出',
            newDecision: { dueOn: addDays(on, 60) },
          },
        },
      ],
    });
    await h.executeUpdate(M.withdrawPublicityUpdate, {
      args: [
        { actor: officer, team, command: { officers: O, on, action: 'withdraw' as const, note: '撤下' } },
      ],
    });
    await env.sleep(2000);
    await decideAndServe();
    await env.sleep(5 * DAY);
  });
  await complaint('v2-complaint-mediated', async (h) => {
    const cmd = <T>(command: T) => ({ args: [{ actor: intake, command }] as [CM.Command<T>] });
    await h.executeUpdate(CM.decideAcceptanceUpdate, cmd({ accept: true }));
    await h.executeUpdate(
      CM.startMediationUpdate,
      cmd({ complainantConsents: true, respondentConsents: true }),
    );
    await h.executeUpdate(CM.pauseMediationUpdate, cmd({ reason: 'appraisal' as const }));
    await env.sleep(5 * DAY);
    await h.executeUpdate(CM.resumeMediationUpdate, cmd({}));
    await h.executeUpdate(CM.reportViolationUpdate, cmd({ summary: '调解中发现涉嫌销售不合格产品' }));
    await env.sleep(80 * DAY); // mediation runs out; the notice period follows
  });
  // A complaint that continues as new between its stages (a budget of 2 steps per run): the history of its last
  // run, which began from the carried state.
  await complaint(
    'v3-complaint-continued',
    async (h) => {
      const cmd = <T>(command: T) => ({ args: [{ actor: intake, command }] as [CM.Command<T>] });
      await h.executeUpdate(CM.decideAcceptanceUpdate, cmd({ accept: true }));
      await env.sleep(2000);
      await h.executeUpdate(
        CM.startMediationUpdate,
        cmd({ complainantConsents: true, respondentConsents: true }),
      );
      await env.sleep(80 * DAY); // mediation runs out; the notice period follows in the next run
    },
    { stepsPerRun: 2 },
  );
  await complaint('v2-complaint-rejected', async (h) => {
    await h.executeUpdate(CM.decideAcceptanceUpdate, {
      args: [
        {
          actor: intake,
          command: { accept: false, ground: 'materials_missing' as const, explanation: '材料不全' },
        },
      ],
    });
    await env.sleep(20 * DAY);
  });
  // Version 7: the case's workflow names its phase in its memo.
  await scenario('v7-filed-recomputed', async (h) => {
    await h.executeUpdate(decideFilingUpdate, {
      args: [{ actor: head, command: { decision: 'file', reasons: '符合立案条件' } }],
    });
    await env.sleep(2000);
    await h.signal(calendarChangedSignal);
    await env.sleep(2000);
  });
  await complaint('v7-complaint-accepted', async (h) => {
    await h.executeUpdate(CM.decideAcceptanceUpdate, {
      args: [{ actor: intake, command: { accept: true } }],
    });
    await env.sleep(3 * DAY);
  });
  // Version 8: a case registered with its calendar in its input (its first phase loads none), then filed.
  await scenario(
    'v8-calendar-given',
    async (h) => {
      await h.executeUpdate(decideFilingUpdate, {
        args: [{ actor: head, command: { decision: 'file', reasons: '符合立案条件' } }],
      });
      await env.sleep(2000);
    },
    {
      calendar: matterCalendar(builtinCalendar(), Number(chinaDateOf(await env.currentTimeMs()).slice(0, 4))),
    },
  );
  // Version 9: a step's e-mails are written to the outbox with the step (no notify activity): the filing period's
  // warnings and overdue e-mail, the tasks a filing decision opens, a complainant told of the acceptance.
  await scenario('v9-mail-filing-overdue', async () => {
    await env.sleep(40 * DAY);
  });
  await scenario('v9-mail-filed', async (h) => {
    await h.executeUpdate(decideFilingUpdate, {
      args: [{ actor: head, command: { decision: 'file', reasons: '符合立案条件' } }],
    });
    await env.sleep(2000);
  });
  await complaint('v9-mail-complaint-accepted', async (h) => {
    await h.executeUpdate(CM.decideAcceptanceUpdate, {
      args: [{ actor: intake, command: { accept: true } }],
    });
    await env.sleep(3 * DAY);
  });
  // The calendar recomputation after a holiday calendar load: it asks every open matter (here the recorder's own,
  // some of them ended) to recompute, a batch at a time.
  if (!existsSync(path.join(out, 'v7-calendar-recompute.binpb'))) {
    const h = await env.client.workflow.start(CALENDAR_RECOMPUTE_WORKFLOW_TYPE, {
      taskQueue: 'record',
      workflowId: 'REPLAY-v7-calendar-recompute',
      args: [
        {
          loadId: 'replay',
          year: 2026,
          loadedBy: 'admin',
          startedAt: new Date(await env.currentTimeMs()).toISOString(),
        } satisfies CalendarRecomputeInput,
      ],
    });
    await h.result();
    save('v7-calendar-recompute', await h.fetchHistory());
  }
  // On the abnormal list, a removal refused, three years uncured, then the serious list one level up.
  await listing(
    'v6-listing-escalated',
    {
      list: 'abnormal',
      reason: 'no_annual_report',
      entity: { kind: 'organisation', name: '演示贸易有限公司', uscc: '91350100M000100Y43' },
      facts: '未按期公示年度报告',
      foundOn: chinaDateOf(await env.currentTimeMs()),
    },
    async (h) => {
      const today = async () => chinaDateOf(await env.currentTimeMs());
      const by = <T>(actor: Actor, command: T) => ({ args: [{ actor, command }] as [LM.Command<T>] });
      const cityHead: Actor = {
        id: 'cityhead',
        displayName: 'cityhead',
        roles: ['agency_head'],
        unitId: 'city',
      };
      await h.executeUpdate(
        LM.decideListingUpdate,
        by(head, { decision: 'list', on: await today(), reasons: '逾期未报' }),
      );
      await env.sleep(5 * DAY);
      await h.executeUpdate(
        LM.applyRemovalUpdate,
        by(officer, { appliedOn: await today(), grounds: '申请移出' }),
      );
      await h.executeUpdate(
        LM.decideRemovalUpdate,
        by(head, { decision: 'refuse', on: await today(), reasons: '尚未补报' }),
      );
      // Three years in short sleeps (the test server's pings stay short).
      for (let i = 0; i < 40 && (await h.query(LM.listingViewQuery)).stage !== 'escalation'; i++)
        await env.sleep(30 * DAY);
      await h.executeUpdate(
        LM.decideListingUpdate,
        by(cityHead, { decision: 'list', on: await today(), reasons: '届满三年仍未履行' }),
      );
      await env.sleep(10 * DAY);
    },
  );
});
await stop();
