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

/** The dependencies each set of activities was made with (for test workers, which send the mail outbox with
 * them: test/helpers/temporal.ts). */
const madeWith = new WeakMap<object, ActivityDeps>();
export function depsOf(activities: object): ActivityDeps | undefined {
  return madeWith.get(activities);
}

export function createActivities(deps: ActivityDeps) {
  const { db, mailer, temporal } = deps;
  const activities = {
    recordStep: recordStepActivity(db),
    notify: notifyActivity(db, mailer),
    loadCalendar: loadCalendarActivity(db),
    allocateViolationCase: allocateViolationCaseActivity(db),
    transferComplaint: transferComplaintActivity(db),
    documentNumber: allocateDocumentNumberActivity(db),
    publication: publicationActivity(db),
    ...calendarRecomputeActivities(db, temporal),
  };
  madeWith.set(activities, deps);
  return activities;
}

export type CaseActivities = ReturnType<typeof createActivities>;
export type { StepRecord, CaseRowSnapshot, TaskOpen, EvidenceRow } from './persistence/record-step.js';
export type { NotifyRequest, NotifyResult } from './notifications/notify.js';
