// What the API and the CLI know of the calendar recomputation's workflow: its ID, type, input and query.
import { defineQuery } from '@temporalio/workflow';
import type { CalendarRecompute } from '../../schema/calendar.js';

export const CALENDAR_RECOMPUTE_WORKFLOW_ID = 'calendar-recompute';
export const CALENDAR_RECOMPUTE_WORKFLOW_TYPE = 'calendarRecompute';
export const calendarRecomputeQuery = defineQuery<CalendarRecompute>('calendarRecompute');

export interface CalendarRecomputeInput {
  loadId: string;
  year: number;
  loadedBy: string;
  startedAt: string;
}

/** A recomputation as it starts: nothing done yet. */
export const recomputeStarted = (input: CalendarRecomputeInput): CalendarRecompute => ({
  loadId: input.loadId,
  year: input.year,
  loadedBy: input.loadedBy,
  status: 'running',
  startedAt: input.startedAt,
  finishedAt: null,
  cases: 0,
  casesDone: 0,
  casesChanged: 0,
  deadlinesChanged: 0,
  casesNotRecomputed: 0,
  notRecomputed: [],
  moved: [],
});
