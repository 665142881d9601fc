// The workbench's reads: my tasks across cases, the deadline board, the figures (api/routes/supervision.ts).
import { z } from 'zod';
import { IsoDateSchema } from './common.js';

export const MyTaskSchema = z.object({
  id: z.string(),
  caseNumber: z.string(),
  kind: z.string(),
  title: z.string(),
  role: z.string(),
  unitId: z.string(),
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
});

export const BoardQuerySchema = z
  .object({
    /** At risk: due within this many days (default 5). */
    horizonDays: z.coerce.number().int().min(0).max(90).default(5),
    /** One unit of the caller's subtree; default: all of it. */
    unitId: z.string().max(64).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

export const BoardSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      caseNumber: z.string(),
      clock: z.string(),
      status: z.string(),
      unitId: z.string(),
      dueOn: z.string().nullable(),
      dueAt: z.string().nullable(),
      overdue: z.boolean(),
    }),
  ),
  byUnit: z.array(z.object({ unitId: z.string(), overdue: z.number(), atRisk: z.number() })),
});

export const FiguresQuerySchema = z
  .object({ from: IsoDateSchema, to: IsoDateSchema, unitId: z.string().max(64).optional() })
  .strict();

export const FiguresSchema = z.object({
  from: z.string(),
  to: z.string(),
  byUnit: z.array(z.object({ unitId: z.string(), filed: z.number(), closed: z.number() })),
  onTime: z.array(z.object({ clock: z.string(), ended: z.number(), onTime: z.number() })),
});
