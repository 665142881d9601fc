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
