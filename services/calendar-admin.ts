// Loading a year's official schedule (administrators, when the State Council publishes it) and having every
// open case recompute its deadlines.
import {
  WorkflowNotFoundError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  type Client,
} from '@temporalio/client';
import { expandRanges } from '../domain/calendar/sources.js';
import type { Db } from '../platform/db.js';
import type { CalendarYearFile } from '../schema/calendar.js';
import { recomputeDeadlinesUpdate } from '../workflows/case/messages.js';
import { forgetCalendar } from './calendar/load.js';
import { onMatter, PhaseHandoverError, type MatterKind } from './matter-workflows.js';

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

/** How often a case's recomputation is sent again when Temporal does not answer in time (the same Update ID, so
 * it applies once). */
const RECOMPUTE_TRIES = 3;

export async function recomputeOpenCases(
  db: Db,
  temporal: Client,
  concurrency = 8,
  /** Names this load's Updates: a recomputation sent again is applied once. */
  loadId = `${Date.now()}`,
): Promise<{
  cases: number;
  casesChanged: number;
  deadlinesChanged: number;
  /** Cases whose workflow did not answer (after retries): their deadlines keep the old calendar until the year is
   * loaded again (each recomputation is idempotent). The load never fails for them. */
  casesNotRecomputed: number;
  notRecomputed: string[];
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
  const failed: string[] = [];
  const queue = [...open];
  const work = async () => {
    for (let m = queue.shift(); m !== undefined; m = queue.shift()) {
      for (let attempt = 1; ; attempt++) {
        try {
          const moved = await onMatter(temporal, m.number, m.kind as MatterKind, (h) =>
            h.executeUpdate(recomputeDeadlinesUpdate, { updateId: `calendar-${loadId}` }),
          );
          if (moved.length) casesChanged++;
          deadlinesChanged += moved.length;
          for (const d of moved)
            if (listed.length < MOVED_LISTED) listed.push({ caseNumber: m.number, ...d });
          break;
        } catch (err) {
          if (err instanceof WorkflowNotFoundError) break; // closed meanwhile: nothing to recompute
          const transient =
            err instanceof WorkflowUpdateRPCTimeoutOrCancelledError || err instanceof PhaseHandoverError;
          if (transient && attempt < RECOMPUTE_TRIES) continue;
          // Any other answer (a workflow that stopped, a Temporal server that does not answer): counted and
          // named, and the load goes on with the other cases.
          failed.push(m.number);
          break;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, work));
  listed.sort((a, b) => a.caseNumber.localeCompare(b.caseNumber) || a.clock.localeCompare(b.clock));
  failed.sort();
  return {
    cases: open.length,
    casesChanged,
    deadlinesChanged,
    casesNotRecomputed: failed.length,
    notRecomputed: failed.slice(0, MOVED_LISTED),
    moved: listed,
  };
}
