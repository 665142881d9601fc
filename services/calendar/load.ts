// Calendar data for workflows: the package data merged with administrators' overrides from PostgreSQL.
import type { CalendarData } from '../../domain/calendar/calendar.js';
import { mergeCalendar, sliceCalendar, type CalendarOverrides } from '../../domain/calendar/sources.js';
import type { Db } from '../../platform/db.js';
import { builtinCalendar } from './builtin.js';

export async function readOverrides(db: Db): Promise<CalendarOverrides> {
  const [years, days] = await Promise.all([db.calendarYear.findMany(), db.calendarDay.findMany()]);
  return {
    years: years.map((y) => ({ year: y.year, source: y.source })),
    days: days.map((d) => ({ date: d.date, kind: d.kind as 'HOLIDAY' | 'WORKDAY' | 'NORMAL', name: d.name })),
  };
}

export async function calendarFromDb(db: Db): Promise<CalendarData> {
  return mergeCalendar(builtinCalendar(), await readOverrides(db));
}

const recent = new WeakMap<Db, { at: number; calendar: Promise<CalendarData> }>();

/** The calendar for reads that show working-day counts (the workbench polls them every few seconds): read and
 * merged again at most once a minute, and at once in this process after a year is loaded (forgetCalendar). The
 * deadlines themselves always come from the calendar as loaded now (calendarFromDb). */
export function recentCalendar(db: Db, maxAgeMs = 60_000): Promise<CalendarData> {
  const hit = recent.get(db);
  if (hit && Date.now() - hit.at < maxAgeMs) return hit.calendar;
  const calendar = calendarFromDb(db);
  recent.set(db, { at: Date.now(), calendar });
  calendar.catch(() => recent.delete(db));
  return calendar;
}

export function forgetCalendar(db: Db): void {
  recent.delete(db);
}

export function loadCalendarActivity(db: Db) {
  return async function loadCalendar(range: { fromYear: number; toYear: number }): Promise<CalendarData> {
    return sliceCalendar(await calendarFromDb(db), range.fromYear, range.toYear);
  };
}
