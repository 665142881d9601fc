// From review to the served decision (docs/rules.md: review gates, notice and defence, hearing, decision and
// service). Each is a workflow Update through caseCommand; the workflow's validator has the last word.
import type { FastifyInstance } from 'fastify';
import {
  CASE_REVIEW,
  CASE_REVIEW_EXTENSION,
  DEFENCE,
  HEARING_NOTICE,
  PUBLIC_NOTICE_SERVICE,
  SERVICE,
} from '../../../domain/rules/periods.js';
import * as D from '../../../schema/decision.js';
import * as M from '../../../workflows/case/messages.js';
import type { ApiDeps } from '../../server.js';
import { caseCommand } from './commands.js';

const path = (p: string) => `/api/cases/:number/${p}`;

export function proceedingsRoutes(app: FastifyInstance, deps: ApiDeps) {
  const officers = ['case_officer'] as const;
  const reviewers = ['legal_reviewer'] as const;
  const head = ['agency_head'] as const;
  const team = (b: { officers: string[] }) => ({ team: b.officers });

  caseCommand(app, deps, {
    path: path('case-review'),
    tag: 'review',
    summary: `案件审核 Case review: approve or return to investigation (${CASE_REVIEW.length} WD)`,
    body: D.CaseReviewSchema,
    update: M.caseReviewUpdate,
    roles: [...reviewers],
    names: (_b, actor) => ({ reviewer: actor.id }),
  });
  caseCommand(app, deps, {
    path: path('legal-review'),
    tag: 'review',
    summary: '法制审核 Legal review (APL 58): approve or return to investigation',
    body: D.LegalReviewSchema,
    update: M.legalReviewUpdate,
    roles: [...reviewers],
    names: (_b, actor) => ({ reviewer: actor.id }),
  });
  caseCommand(app, deps, {
    path: path('case-review-extension'),
    tag: 'review',
    summary: `延长审核期限 The head extends the case review (once, ${CASE_REVIEW_EXTENSION.days} WD)`,
    body: D.ExtendCaseReviewSchema,
    update: M.extendCaseReviewUpdate,
    roles: [...head],
  });
  caseCommand(app, deps, {
    path: path('notice'),
    tag: 'notice',
    summary: `行政处罚告知书送达 The pre-penalty notice reached the party (${DEFENCE.length} WD for defence follow)`,
    body: D.ServeNoticeSchema,
    update: M.serveNoticeUpdate,
    roles: [...officers],
    names: team,
  });
  caseCommand(app, deps, {
    path: path('defences'),
    tag: 'notice',
    summary: '陈述申辩及复核意见 Record a statement or defence and its answer',
    body: D.RecordDefenceSchema,
    update: M.recordDefenceUpdate,
    roles: [...officers],
    names: team,
  });
  caseCommand(app, deps, {
    path: path('hearing-request'),
    tag: 'hearing',
    summary: `听证申请 The party asked for a hearing within ${DEFENCE.length} WD`,
    body: D.RequestHearingSchema,
    update: M.requestHearingUpdate,
    roles: [...officers],
    names: team,
  });
  caseCommand(app, deps, {
    path: path('defence-waiver'),
    tag: 'notice',
    summary: '放弃陈述申辩和听证 The party waived statement, defence and hearing in writing',
    body: D.WaiveDefenceSchema,
    update: M.waiveDefenceUpdate,
    roles: [...officers],
    names: team,
  });
  caseCommand(app, deps, {
    path: path('hearing'),
    tag: 'hearing',
    summary: `听证通知 Schedule the hearing (notice served ≥ ${HEARING_NOTICE.length} WD before; chair never investigated)`,
    body: D.ScheduleHearingSchema,
    update: M.scheduleHearingUpdate,
    roles: [...officers],
    names: (b) => ({ team: b.officers, chair: b.chairId }),
  });
  caseCommand(app, deps, {
    path: path('hearing-postponement'),
    tag: 'hearing',
    summary: '延期听证 Postpone the hearing (a new notice, again in time)',
    body: D.PostponeHearingSchema,
    update: M.postponeHearingUpdate,
    roles: [...officers],
    names: team,
  });
  caseCommand(app, deps, {
    path: path('hearing-record'),
    tag: 'hearing',
    summary: '听证笔录、听证报告 The hearing held, or the party did not come (a waiver)',
    body: D.RecordHearingSchema,
    update: M.recordHearingUpdate,
    roles: [...officers],
    names: team,
  });
  caseCommand(app, deps, {
    path: path('decision'),
    tag: 'decision',
    summary: '行政处罚决定 The head decides (collective discussion where required)',
    body: D.DecideCaseSchema,
    update: M.decideCaseUpdate,
    roles: [...head],
    names: (b) => (b.collective ? { participants: b.collective.participants } : {}),
  });
  caseCommand(app, deps, {
    path: path('e-service-consent'),
    tag: 'decision',
    summary: '电子送达确认 The party consented to electronic service',
    body: D.EServiceConsentSchema,
    update: M.eServiceConsentUpdate,
    roles: [...officers],
    names: team,
  });
  caseCommand(app, deps, {
    path: path('service'),
    tag: 'decision',
    summary: `送达决定书 Record service of the decision (${SERVICE.length} WD; public notice: ${PUBLIC_NOTICE_SERVICE.length} CD)`,
    body: D.ServeDecisionSchema,
    update: M.serveDecisionUpdate,
    roles: [...officers],
    names: team,
  });
}
