// Loading a year's official schedule (administrators, when the State Council publishes it) and telling every
// open case to recompute its deadlines.
import type { Client } from '@temporalio/client';
import { expandRanges } from '../../domain/calendar/sources.js';
import type { Db } from '../../platform/db.js';
import type { CalendarYearFile } from '../../schema/calendar.js';
import { calendarChangedSignal, CASE_WORKFLOW_TYPE } from '../../workflows/case/messages.js';

/** Replaces the year's entries in one transaction: either the whole year is loaded or nothing is. */
export async function loadCalendarYear(
  db: Db,
  file: CalendarYearFile,
  loadedBy: string,
): Promise<{ holidays: number; workdays: number }> {
  const holidays = expandRanges(file.holidays);
  const prefix = `${file.year}-`;
  await db.$transaction(async (tx) => {
    await tx.calendarDay.deleteMany({ where: { date: { startsWith: prefix } } });
    await tx.calendarDay.createMany({
      data: [
        ...holidays.map((h) => ({ date: h.date, kind: 'HOLIDAY', name: h.name, source: file.source })),
        ...file.workdays.map((w) => ({ date: w.date, kind: 'WORKDAY', name: w.name, source: file.source })),
      ],
    });
    await tx.calendarYear.upsert({
      where: { year: file.year },
      create: { year: file.year, source: file.source, loadedBy },
      update: { source: file.source, loadedBy, loadedAt: new Date() },
    });
  });
  return { holidays: holidays.length, workdays: file.workdays.length };
}

/** Signals every running case workflow to reload the calendar; returns how many were told. */
export async function signalOpenCases(temporal: Client): Promise<number> {
  let n = 0;
  for await (const wf of temporal.workflow.list({
    query: `WorkflowType = '${CASE_WORKFLOW_TYPE}' AND ExecutionStatus = 'Running'`,
  })) {
    await temporal.workflow.getHandle(wf.workflowId).signal(calendarChangedSignal);
    n++;
  }
  return n;
}
