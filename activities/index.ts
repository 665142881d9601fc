// Every side effect of the case workflows. Workflows import only the type of this object.
import type { Client } from '@temporalio/client';
import type { Db } from '../platform/db.js';
import type { Mailer } from '../platform/mailer.js';
import { loadCalendarActivity } from '../services/calendar/load.js';
import { calendarRecomputeActivities } from './calendar/recompute.js';
import { allocateViolationCaseActivity, transferComplaintActivity } from './complaint/numbers.js';
import { allocateDocumentNumberActivity } from './documents/numbers.js';
import { notifyActivity } from './notifications/notify.js';
import { publicationActivity } from './publicity/publish.js';
import { recordStepActivity } from './persistence/record-step.js';

export interface ActivityDeps {
  db: Db;
  mailer: Mailer;
  /** For activities that send Updates to other workflows (the calendar recomputation). */
  temporal?: Client;
}

export function createActivities({ db, mailer, temporal }: ActivityDeps) {
  return {
    recordStep: recordStepActivity(db),
    notify: notifyActivity(db, mailer),
    loadCalendar: loadCalendarActivity(db),
    allocateViolationCase: allocateViolationCaseActivity(db),
    transferComplaint: transferComplaintActivity(db),
    documentNumber: allocateDocumentNumberActivity(db),
    publication: publicationActivity(db),
    ...calendarRecomputeActivities(db, temporal),
  };
}

export type CaseActivities = ReturnType<typeof createActivities>;
export type { StepRecord, CaseRowSnapshot, TaskOpen, EvidenceRow } from './persistence/record-step.js';
export type { NotifyRequest, NotifyResult } from './notifications/notify.js';
