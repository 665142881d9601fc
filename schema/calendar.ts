// A year's official holiday schedule as an administrator loads it (from the State Council notice).
import { z } from 'zod';
import { addDays, isIsoDate, weekday } from './values/dates.js';

const isoDate = z
  .string()
  .refine(isIsoDate, { message: '日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD' });

/** Calendar data as a workflow counts with it (domain/calendar/calendar.ts counts days with it). */
export const CalendarDataSchema = z.object({
  /** Years whose official schedule is known → the notice it comes from. */
  officialYears: z.record(z.string(), z.string()),
  /** Official holidays (放假), by date (YYYY-MM-DD) → name. */
  holidays: z.record(z.string(), z.string()),
  /** Official make-up workdays (调休上班) on a weekend, by date → name. */
  workdays: z.record(z.string(), z.string()),
});
export type CalendarData = z.infer<typeof CalendarDataSchema>;

export const HolidayRangeSchema = z
  .object({ from: isoDate, to: isoDate, name: z.string().trim().min(1).max(40) })
  .strict()
  .refine((r) => r.from <= r.to, { message: '起始日晚于结束日 / from is after to', path: ['to'] });

export const CalendarYearFileSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    source: z.string().trim().min(2).max(200),
    holidays: z.array(HolidayRangeSchema).min(1),
    workdays: z.array(z.object({ date: isoDate, name: z.string().trim().min(1).max(40) }).strict()),
  })
  .strict()
  .superRefine((f, ctx) => {
    const holidayDates = new Set<string>();
    f.holidays.forEach((r, i) => {
      if (!r.from.startsWith(`${f.year}-`) || !r.to.startsWith(`${f.year}-`))
        ctx.addIssue({
          code: 'custom',
          path: ['holidays', i],
          message: `不属于 ${f.year} 年 / not in ${f.year}`,
        });
      // Field refinements do not stop this check from running: skip what already failed them.
      if (isIsoDate(r.from) && isIsoDate(r.to))
        for (let d = r.from; d <= r.to; d = addDays(d, 1)) holidayDates.add(d);
    });
    f.workdays.forEach((w, i) => {
      if (!isIsoDate(w.date)) return;
      if (!w.date.startsWith(`${f.year}-`))
        ctx.addIssue({
          code: 'custom',
          path: ['workdays', i, 'date'],
          message: `不属于 ${f.year} 年 / not in ${f.year}`,
        });
      if (weekday(w.date) !== 0 && weekday(w.date) !== 6)
        ctx.addIssue({
          code: 'custom',
          path: ['workdays', i, 'date'],
          message: '调休上班日应为周六或周日 / a make-up workday falls on a Saturday or Sunday',
        });
      if (holidayDates.has(w.date))
        ctx.addIssue({
          code: 'custom',
          path: ['workdays', i, 'date'],
          message: '同一天不能既放假又上班 / a date cannot be both holiday and workday',
        });
    });
  });

export type CalendarYearFile = z.infer<typeof CalendarYearFileSchema>;

/** How many moved deadlines and unanswered cases a recomputation names (the counts cover all). */
export const RECOMPUTE_LISTED = 200;

/** A deadline a calendar change moved. */
export const MovedDeadlineSchema = z.object({
  caseNumber: z.string(),
  clock: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
});
export type MovedDeadline = z.infer<typeof MovedDeadlineSchema>;

/** Every open matter recomputing its deadlines after a calendar load: a workflow that runs in the background,
 * its progress read while it runs and its result after. */
export const CalendarRecomputeSchema = z.object({
  /** The load it follows (a later load supersedes it: every matter then recomputes with the newer calendar). */
  loadId: z.string(),
  year: z.number(),
  loadedBy: z.string(),
  status: z.enum(['running', 'done', 'superseded', 'failed']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Open matters when it started, and those handled so far. */
  cases: z.number(),
  casesDone: z.number(),
  casesChanged: z.number(),
  deadlinesChanged: z.number(),
  /** Matters whose workflow did not answer (after retries): loading the year again recomputes them. */
  casesNotRecomputed: z.number(),
  notRecomputed: z.array(z.string()).max(RECOMPUTE_LISTED),
  /** The first deadlines that moved, by case number. */
  moved: z.array(MovedDeadlineSchema).max(RECOMPUTE_LISTED),
});
export type CalendarRecompute = z.infer<typeof CalendarRecomputeSchema>;
