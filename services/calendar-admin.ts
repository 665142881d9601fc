// Loading a year's official schedule (administrators, when the State Council publishes it) and having every
// open case recompute its deadlines.
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { expandRanges } from '../domain/calendar/sources.js';
import type { Db } from '../platform/db.js';
import type { CalendarYearFile } from '../schema/calendar.js';
import { recomputeDeadlinesUpdate } from '../workflows/case/messages.js';
import { forgetCalendar } from './calendar/load.js';
import { onMatter, type MatterKind } from './matter-workflows.js';

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
  forgetCalendar(db);
  return { holidays: holidays.length, workdays: file.workdays.length };
}

/** Every open case (from the projection) recomputes its deadlines; returns how many cases and deadlines moved. */
/** How many moved deadlines a calendar load lists (a bounded answer; the counts are complete). */
export const MOVED_LISTED = 200;

export async function recomputeOpenCases(
  db: Db,
  temporal: Client,
  concurrency = 8,
): Promise<{
  cases: number;
  casesChanged: number;
  deadlinesChanged: number;
  /** The first MOVED_LISTED deadlines that moved, for the administrator to see (the counts cover all). */
  moved: { caseNumber: string; clock: string; from: string | null; to: string | null }[];
}> {
  const open = await db.case.findMany({
    where: { status: 'open' },
    select: { number: true, kind: true },
    orderBy: { number: 'asc' },
  });
  let casesChanged = 0;
  let deadlinesChanged = 0;
  const listed: { caseNumber: string; clock: string; from: string | null; to: string | null }[] = [];
  const queue = [...open];
  const work = async () => {
    for (let m = queue.shift(); m !== undefined; m = queue.shift()) {
      try {
        const moved = await onMatter(temporal, m.number, m.kind as MatterKind, (h) =>
          h.executeUpdate(recomputeDeadlinesUpdate),
        );
        if (moved.length) casesChanged++;
        deadlinesChanged += moved.length;
        for (const d of moved) if (listed.length < MOVED_LISTED) listed.push({ caseNumber: m.number, ...d });
      } catch (err) {
        if (!(err instanceof WorkflowNotFoundError)) throw err; // closed meanwhile: nothing to recompute
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, work));
  listed.sort((a, b) => a.caseNumber.localeCompare(b.caseNumber) || a.clock.localeCompare(b.clock));
  return { cases: open.length, casesChanged, deadlinesChanged, moved: listed };
}
