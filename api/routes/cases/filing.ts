// Filing commands (docs/rules.md): the head files the case or declines to, and may extend the period once; the
// intake office records having told a real-name reporter (CRM 31–32).
import type { FastifyInstance } from 'fastify';
import { FILING_EXTENSION } from '../../../domain/rules/periods.js';
import { DecideFilingSchema, ExtendFilingSchema, ReportFeedbackSchema } from '../../../schema/case.js';
import {
  decideFilingUpdate,
  extendFilingUpdate,
  recordReportFeedbackUpdate,
} from '../../../workflows/case/messages.js';
import type { ApiDeps } from '../../server.js';
import { caseCommand } from './commands.js';

export function filingRoutes(app: FastifyInstance, deps: ApiDeps) {
  caseCommand(app, deps, {
    path: '/api/cases/:number/filing-decision',
    tag: 'filing',
    summary: '立案审批 The head files the case or declines to',
    body: DecideFilingSchema,
    update: decideFilingUpdate,
    roles: ['agency_head'],
  });
  caseCommand(app, deps, {
    path: '/api/cases/:number/filing-extension',
    tag: 'filing',
    summary: `延长核查期限 The head extends the filing period (once, ${FILING_EXTENSION.days} WD)`,
    body: ExtendFilingSchema,
    update: extendFilingUpdate,
    roles: ['agency_head'],
  });
  caseCommand(app, deps, {
    path: '/api/cases/:number/report-feedback',
    tag: 'filing',
    summary: '告知实名举报人 The intake office records telling the reporter (5 WD)',
    body: ReportFeedbackSchema,
    update: recordReportFeedbackUpdate,
    roles: ['complaint_handler'],
  });
}
