// Investigation commands (docs/rules.md): steps by at least two certified officers, head approvals,
// the case clock's extensions, the transfer of a suspected crime, the simplified procedure and the hand-over
// to review. Each is a workflow Update through caseCommand.
import type { UpdateDefinition } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import type { ZodType } from 'zod';
import type { CommandResult } from '../../../schema/common.js';
import {
  ASSISTANCE_REPLY,
  CASE_EXTENSION_BY_HEAD,
  PRESERVATION_DECISION,
  SEIZURE_EXTENSION,
  TRANSFER_HEAD_DECISION,
} from '../../../domain/rules/periods.js';
import * as I from '../../../schema/investigation.js';
import * as M from '../../../workflows/case/messages.js';
import type { ApiDeps } from '../../server.js';
import { caseCommand } from './commands.js';

const team = (b: { officers: string[] }) => ({ team: b.officers });

export function investigationRoutes(app: FastifyInstance, deps: ApiDeps) {
  const officers = ['case_officer'] as const;
  const head = ['agency_head'] as const;
  const step = <S extends { officers: string[] }>(
    path: string,
    summary: string,
    body: ZodType<S>,
    update: UpdateDefinition<CommandResult, [M.Command<S>], string>,
    tag = 'investigation',
  ) =>
    caseCommand(app, deps, {
      path: `/api/cases/:number/${path}`,
      tag,
      summary,
      body,
      update,
      roles: [...officers],
      names: team,
    });

  step('evidence', '登记证据 Record evidence (two officers)', I.RecordEvidenceSchema, M.recordEvidenceUpdate);
  step(
    'measures',
    '申请先行登记保存或查封扣押 Apply for preservation or seizure (head approves)',
    I.RequestMeasureSchema,
    M.requestMeasureUpdate,
  );
  step(
    'preservation-decision',
    `先行登记保存处理决定 Decide on preserved items (${PRESERVATION_DECISION.length} WD)`,
    I.DecidePreservationSchema,
    M.decidePreservationUpdate,
  );
  step(
    'seizure-extension',
    `申请延长查封扣押 Apply to extend a seizure (once, ≤${SEIZURE_EXTENSION.maxDays} CD)`,
    I.ExtendSeizureSchema,
    M.extendSeizureUpdate,
  );
  step('seizure-release', '解除查封扣押 End a seizure', I.ReleaseSeizureSchema, M.releaseSeizureUpdate);
  step(
    'testing',
    '检验检测鉴定开始 Start testing/appraisal (pauses the case clock)',
    I.StartTestingSchema,
    M.startTestingUpdate,
  );
  step(
    'testing-result',
    '检验检测鉴定结束 Testing finished (the clock resumes)',
    I.FinishTestingSchema,
    M.finishTestingUpdate,
  );
  step(
    'assistance',
    `协助调查函 Ask another office for assistance (${ASSISTANCE_REPLY.length} WD)`,
    I.RequestAssistanceSchema,
    M.requestAssistanceUpdate,
  );
  step(
    'assistance-reply',
    '协助调查回复 Record the reply',
    I.RecordAssistanceReplySchema,
    M.recordAssistanceReplyUpdate,
  );
  step(
    'suspension',
    '申请案件中止 Apply to suspend the case (head approves)',
    I.RequestSuspensionSchema,
    M.requestSuspensionUpdate,
  );
  step(
    'resumption',
    '恢复案件调查 The cause of the suspension has ended',
    I.ResumeCaseSchema,
    M.resumeCaseUpdate,
  );
  step(
    'termination',
    '申请案件终止 Apply to terminate the case (head approves)',
    I.RequestTerminationSchema,
    M.requestTerminationUpdate,
  );
  step(
    'criminal-transfer',
    `涉嫌犯罪案件移送报告 Propose a criminal transfer (head decides in ${TRANSFER_HEAD_DECISION.length} days)`,
    I.ProposeTransferSchema,
    M.proposeTransferUpdate,
    'transfer',
  );
  step(
    'criminal-transfer/steps',
    '移送进展 Record a step of the transfer',
    I.RecordTransferStepSchema,
    M.recordTransferStepUpdate,
    'transfer',
  );
  step(
    'on-the-spot-decision',
    '简易程序当场处罚 Simplified on-the-spot penalty (APL 51)',
    I.OnTheSpotDecisionSchema,
    M.onTheSpotDecisionUpdate,
    'simplified',
  );

  caseCommand(app, deps, {
    path: '/api/cases/:number/investigation-conclusion',
    tag: 'investigation',
    summary:
      '调查终结，移送审核 Conclude the investigation and hand over to a reviewer who did not investigate',
    body: I.ConcludeInvestigationSchema,
    update: M.concludeInvestigationUpdate,
    roles: [...officers],
    names: (b) => ({ team: b.officers, reviewer: b.reviewerId }),
  });
  caseCommand(app, deps, {
    path: '/api/cases/:number/approvals',
    tag: 'investigation',
    summary: '负责人审批 The head approves or rejects a pending request',
    body: I.DecideApprovalSchema,
    update: M.decideApprovalUpdate,
    roles: [...head],
  });
  caseCommand(app, deps, {
    path: '/api/cases/:number/case-extension',
    tag: 'case clock',
    summary: `延长办案期限 The head extends the case period by ${CASE_EXTENSION_BY_HEAD.days} CD (once)`,
    body: I.ExtendCaseClockSchema,
    update: M.extendCaseClockUpdate,
    roles: [...head],
  });
  caseCommand(app, deps, {
    path: '/api/cases/:number/collective-extension',
    tag: 'case clock',
    summary: '集体讨论延长办案期限 A collective discussion sets a further period',
    body: I.CollectiveExtensionSchema,
    update: M.collectiveExtensionUpdate,
    roles: [...head],
    names: (b) => ({ participants: b.participants }),
  });
}
