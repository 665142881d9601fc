// After the served decision (docs/rules.md: payment and enforcement, remedies, publicity, credit repair, closure,
// rewards). Each command is a workflow Update through caseCommand; the workflow's validator has the last word.
// Also: the late surcharge as of a day, with its explanation, and the public list of published decisions
// (no sign-in: what GSXT shows, nothing else).
import { archiveCaseFile } from '../../../services/documents/register.js';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { surchargeOf } from '../../../domain/case/execution.js';
import {
  CREDIT_REPAIR_DECISION,
  LAWSUIT,
  PAYMENT,
  PAYMENT_DEMAND,
  PAYMENT_DEMAND_LATEST,
  PUBLICITY,
  PUBLICITY_WITHDRAWAL,
  RECONSIDERATION,
} from '../../../domain/rules/periods.js';
import { CaseNumberParamsSchema, ProblemSchema } from '../../../schema/api.js';
import { IsoDateSchema } from '../../../schema/common.js';
import * as X from '../../../schema/execution.js';
import { chinaDateOf } from '../../../schema/values/dates.js';
import { listPublished } from '../../../services/publications.js';
import * as M from '../../../workflows/case/messages.js';
import { AppError } from '../../errors.js';
import type { ApiDeps } from '../../server.js';
import { liveView, visibleMatter } from '../../services/matters.js';
import { caseCommand } from './commands.js';

const path = (p: string) => `/api/cases/:number/${p}`;

export function executionRoutes(app: FastifyInstance, deps: ApiDeps) {
  const officers = ['case_officer'] as const;
  const head = ['agency_head'] as const;
  const team = (b: { officers: string[] }) => ({ team: b.officers });

  caseCommand(app, deps, {
    path: path('payments'),
    tag: 'execution',
    summary: `缴款记录 A payment the bank reports (due ${PAYMENT.length} CD after service; the agency never handles money)`,
    body: X.RecordPaymentSchema,
    update: M.recordPaymentUpdate,
    roles: [...officers],
  });
  caseCommand(app, deps, {
    path: path('payment-arrangement'),
    tag: 'execution',
    summary: '延期（分期）缴纳罚款 The head decides a deferral or instalments (APL 66)',
    body: X.DecidePaymentArrangementSchema,
    update: M.decidePaymentArrangementUpdate,
    roles: [...head],
  });
  caseCommand(app, deps, {
    path: path('payment-demand'),
    tag: 'execution',
    summary: `履行催告书 Serve the payment demand (after the appeal periods lapsed unused; court after ${PAYMENT_DEMAND.length} WD)`,
    body: X.ServePaymentDemandSchema,
    update: M.servePaymentDemandUpdate,
    roles: [...officers],
    names: team,
  });
  caseCommand(app, deps, {
    path: path('enforcement-application'),
    tag: 'execution',
    summary: `申请强制执行 Apply to the court (within ${PAYMENT_DEMAND_LATEST.length} months, ACL 53)`,
    body: X.ApplyEnforcementSchema,
    update: M.applyEnforcementUpdate,
    roles: [...officers],
    names: team,
  });
  caseCommand(app, deps, {
    path: path('remedies'),
    tag: 'remedies',
    summary: `行政复议 / 行政诉讼 The party applied for reconsideration (${RECONSIDERATION.length} CD) or sued (${LAWSUIT.length} months)`,
    body: X.RecordRemedySchema,
    update: M.recordRemedyUpdate,
    roles: ['case_officer', 'agency_head'],
  });
  caseCommand(app, deps, {
    path: path('remedy-outcome'),
    tag: 'remedies',
    summary: `复议决定 / 裁判结果 The outcome: upheld, changed, annulled (publicity down within ${PUBLICITY_WITHDRAWAL.length} WD) …`,
    body: X.RecordRemedyOutcomeSchema,
    update: M.recordRemedyOutcomeUpdate,
    roles: ['case_officer', 'agency_head'],
  });
  caseCommand(app, deps, {
    path: path('publicity'),
    tag: 'publicity',
    summary: `公示录入 Enter the publicity record (within ${PUBLICITY.length} WD of the decision, or the rule pack's period)`,
    body: X.PublishDecisionSchema,
    update: M.publishDecisionUpdate,
    roles: [...officers],
    names: team,
  });
  caseCommand(app, deps, {
    path: path('publicity-withdrawal'),
    tag: 'publicity',
    summary: `撤下或更新公示 Withdraw or update a changed or annulled decision's record (${PUBLICITY_WITHDRAWAL.length} WD)`,
    body: X.WithdrawPublicitySchema,
    update: M.withdrawPublicityUpdate,
    roles: [...officers],
    names: team,
  });
  caseCommand(app, deps, {
    path: path('credit-repair'),
    tag: 'publicity',
    summary:
      '信用修复申请 The party applies for credit repair (its tier’s waiting time; never for the penalties PUB 14 excludes)',
    body: X.ApplyCreditRepairSchema,
    update: M.applyCreditRepairUpdate,
    roles: ['case_officer', 'agency_head'],
  });
  caseCommand(app, deps, {
    path: path('credit-repair-decision'),
    tag: 'publicity',
    summary: `信用修复决定 The head grants or refuses it (${CREDIT_REPAIR_DECISION.length} WD); granted, the record comes down`,
    body: X.DecideCreditRepairSchema,
    update: M.decideCreditRepairUpdate,
    roles: [...head],
  });
  caseCommand(app, deps, {
    path: path('closure'),
    tag: 'execution',
    summary:
      '结案审批 The head closes the case (carried out or enforced, publicity entered, transfer settled)',
    body: X.CloseCaseSchema,
    update: M.closeCaseUpdate,
    roles: [...head],
    // 结案归档: the case file as it stands at closure is archived (the documents register then takes no more).
    after: ({ db }, actor, number) => archiveCaseFile(db, actor, number),
  });
  caseCommand(app, deps, {
    path: path('reward'),
    tag: 'execution',
    summary: '举报奖励 The reporter’s reward after closure (grade, amount from the rule pack), or why none',
    body: X.DecideRewardSchema,
    update: M.decideRewardUpdate,
    roles: [...head],
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, temporal } = deps;

  r.get(
    '/api/cases/:number/surcharge',
    {
      schema: {
        tags: ['execution'],
        summary:
          '加处罚款 The late surcharge as of a day, day by day (APL 72: 3% a day, at most the fine; not during an appeal)',
        params: CaseNumberParamsSchema,
        querystring: z.object({ asOf: IsoDateSchema.optional() }).strict(),
        response: { 200: X.SurchargeViewSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema },
      },
    },
    async (req) => {
      const c = await visibleMatter(db, await req.actor(), req.params.number, 'case');
      // The live state only (not the deadlines and tasks a case page reads with it).
      const live = await liveView(temporal, c, M.caseViewQuery);
      const e = live?.execution;
      if (!e) throw new AppError('STAGE_NOT_ALLOWED', [], 'no served decision');
      const asOf = req.query.asOf ?? chinaDateOf(Date.now());
      const s = surchargeOf(e, asOf);
      return {
        asOf,
        fineFen: s.fineFen,
        surchargeFen: s.surchargeFen,
        surchargePaidFen: e.surchargePaidFen,
        capped: s.capped,
        explanation: s.explanation,
      };
    },
  );

  r.get(
    '/api/public/publicity',
    {
      schema: {
        tags: ['public'],
        summary: '行政处罚信息公示 Published penalty decisions, as shown today (no sign-in)',
        security: [],
        querystring: z
          .object({
            limit: z.coerce.number().int().min(1).max(100).default(20),
            offset: z.coerce.number().int().min(0).max(100_000).default(0),
          })
          .strict(),
        response: {
          200: z.object({ total: z.number(), items: z.array(X.PublicationSchema) }),
        },
      },
    },
    async (req) => listPublished(db, chinaDateOf(Date.now()), req.query),
  );
}
