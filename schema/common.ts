import { z } from 'zod';
import { isIsoDate } from './values/dates.js';

export const IsoDateSchema = z
  .string()
  .refine(isIsoDate, { message: '日期格式应为 YYYY-MM-DD / a date as YYYY-MM-DD' })
  .meta({ format: 'date', example: '2026-11-20' });

/** A list's query: filters on the projection and a page (cases and complaints alike). */
export function listQuerySchema<S extends z.ZodType>(stage: S) {
  return z
    .object({
      stage: stage.optional(),
      status: z.enum(['open', 'closed']).optional(),
      overdue: z.enum(['true', 'false']).optional(),
      /** `stopped`: matters whose workflow has stopped while they are open (checked before listing). */
      engine: z.enum(['stopped']).optional(),
      unitId: z.string().optional(),
      /** Search: part of the number, or of the party's name. */
      q: z.string().trim().min(1).max(100).optional(),
      page: z.coerce.number().int().min(1).max(100_000).default(1),
      pageSize: z.coerce.number().int().min(1).max(200).default(50),
    })
    .strict();
}

/** One page of a list. */
export function listPageSchema<S extends z.ZodType>(item: S) {
  return z.object({ items: z.array(item), page: z.number(), pageSize: z.number(), total: z.number() });
}

/** A human task as the projection holds it. */
export const TaskRowSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  role: z.string(),
  dueOn: z.string().nullable(),
  status: z.string(),
});

/** What a command (a workflow Update) returns: small, and the same size however large the matter has grown.
 * The whole view is read through a Query or the projection. */
export const CommandResultSchema = z.object({
  number: z.string(),
  stage: z.string(),
  status: z.enum(['open', 'closed']),
  /** The sequence number of the last audit step the matter recorded. */
  step: z.number().int(),
  /** The next due date of a running clock, if any. */
  nextDueOn: z.string().nullable(),
  overdue: z.boolean(),
});
export type CommandResult = z.infer<typeof CommandResultSchema>;
