// What the case and complaint routes share: finding a matter the user may see, listing a kind of matter from
// the projection, a matter's page (deadlines, tasks and the workflow's live state), and sending a command as a
// workflow Update with the Idempotency-Key as its ID.
import { randomUUID } from 'node:crypto';
import type { Client, QueryDefinition, UpdateDefinition } from '@temporalio/client';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Db } from '../../platform/db.js';
import { ClockViewSchema } from '../../schema/case.js';
import type { CommandResult, listQuerySchema } from '../../schema/common.js';
import type { ErrorCode } from '../../schema/errors.js';
import type { Actor } from '../../schema/roles.js';
import { AppError, fromTemporal } from '../errors.js';
import { unitSubtree } from './units.js';
import { requestHash } from '../../services/case-numbers.js';
import { onMatter, type MatterKind } from '../../services/matter-workflows.js';

export type { MatterKind };
export type MatterRow = NonNullable<Awaited<ReturnType<Db['case']['findUnique']>>>;
type ListQuery = z.infer<ReturnType<typeof listQuerySchema>>;

/** Live state is asked of the workflow for at most this long; without a worker the page shows the projection. */
const LIVE_QUERY_MS = 3000;
/** A command waits this long for its workflow's answer, at most. */
export const COMMAND_MS = 30_000;

/** The matter, if the actor may see it: their unit or a unit below it (answered as unknown otherwise, like a
 * number that does not exist). With `kind`, only a matter of that kind. */
export async function visibleMatter(
  db: Db,
  actor: Actor,
  number: string,
  kind?: MatterKind,
  notFound: ErrorCode = 'CASE_NOT_FOUND',
): Promise<MatterRow> {
  const m = await db.case.findUnique({ where: { number } });
  if (!m || (kind && m.kind !== kind)) throw new AppError(notFound);
  // Outside the actor's units a matter is answered as unknown: a 403 would tell that the number exists.
  if (!(await unitSubtree(db, actor.unitId)).includes(m.unitId)) throw new AppError(notFound);
  return m;
}

/** A page of one kind of matter in the actor's units, most urgent first. */
export async function listMatters(db: Db, actor: Actor, kind: MatterKind, q: ListQuery) {
  const visible = await unitSubtree(db, actor.unitId);
  if (q.unitId && !visible.includes(q.unitId)) throw new AppError('FORBIDDEN_UNIT');
  const where = {
    kind,
    unitId: { in: q.unitId ? [q.unitId] : visible },
    ...(q.stage ? { stage: q.stage as string } : {}),
    ...(q.status ? { status: q.status } : {}),
    ...(q.overdue ? { overdue: q.overdue === 'true' } : {}),
    ...(q.engine === 'stopped' ? { engineStatus: { not: null } } : {}),
    ...(q.q
      ? {
          OR: [
            { number: { contains: q.q, mode: 'insensitive' as const } },
            { respondent: { path: ['name'], string_contains: q.q } },
          ],
        }
      : {}),
  };
  const [rows, total] = await Promise.all([
    db.case.findMany({
      where,
      orderBy: [{ overdue: 'desc' }, { nextDueAt: { sort: 'asc', nulls: 'last' } }, { number: 'asc' }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    }),
    db.case.count({ where }),
  ]);
  return { rows, page: q.page, pageSize: q.pageSize, total };
}

/** A matter's live state from its workflow, if it answers in time (null otherwise). */
export function liveView<V>(temporal: Client, m: MatterRow, view: QueryDefinition<V>): Promise<V | null> {
  return temporal
    .withDeadline(Date.now() + LIVE_QUERY_MS, () =>
      onMatter(temporal, m.number, m.kind as MatterKind, (h) => h.query(view), { read: true }),
    )
    .catch(() => null);
}

/** A matter's deadlines and tasks from the projection, and its live state from the workflow if it answers. */
export async function matterPage<V>(db: Db, temporal: Client, m: MatterRow, view: QueryDefinition<V>) {
  const [deadlines, tasks, live] = await Promise.all([
    db.deadline.findMany({ where: { caseNumber: m.number }, orderBy: { id: 'asc' } }),
    db.task.findMany({ where: { caseNumber: m.number }, orderBy: { createdAt: 'asc' } }),
    m.status === 'open' || (m.details as { followUp?: boolean } | null)?.followUp
      ? liveView(temporal, m, view)
      : Promise.resolve(null),
  ]);
  return {
    live,
    deadlines: deadlines.map((d) => ClockViewSchema.parse(d.explanation)),
    tasks: tasks.map((t) => ({
      id: t.id,
      kind: t.kind,
      title: t.title,
      role: t.role,
      dueOn: t.dueOn,
      status: t.status,
    })),
  };
}

/** Sends a command; the Idempotency-Key (scoped to the user) is the Update ID, so a retry applies once. */
/** Sends a command as a workflow Update (the Idempotency-Key as its ID) and answers with the matter's view as it
 * is after the command, read with `view` (a Query): the Update itself returns only a small result, so the
 * history does not carry the view. */
export async function sendUpdate<C, V>(
  db: Db,
  temporal: Client,
  req: FastifyRequest,
  actor: Actor,
  matter: { number: string; kind: MatterKind },
  update: UpdateDefinition<CommandResult, [C], string>,
  command: C,
  view: QueryDefinition<V>,
): Promise<V> {
  const key = req.headers['idempotency-key'];
  const updateId = typeof key === 'string' ? `${actor.id}:${key}` : randomUUID();
  // A key is bound to the first request it came with (operation, matter, body): Temporal would answer the same
  // Update ID with the first result and apply nothing, so another request under it is refused instead. The
  // binding is claimed before the command is sent (so of two racing requests one is refused) and released if the
  // command is refused (a refused command leaves no trace but its refusal entry).
  let claimed = false;
  if (typeof key === 'string') {
    // The request as the client sent it (not the command with the actor and people resolved from the directory,
    // which may change between a request and its retry).
    const hash = requestHash({ op: update.name, matter: matter.number, body: req.body ?? null });
    claimed =
      (await db.commandKey.createMany({ data: [{ updateId, requestHash: hash }], skipDuplicates: true }))
        .count > 0;
    const prior = claimed ? undefined : await db.commandKey.findUnique({ where: { updateId } });
    if (prior && prior.requestHash !== hash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
  }
  try {
    const sent = onMatter(temporal, matter.number, matter.kind, (h) =>
      h.executeUpdate(update, { args: [command], updateId }),
    ).catch(async (err: unknown) => {
      if (claimed) await db.commandKey.delete({ where: { updateId } }).catch(() => undefined);
      throw err;
    });
    // A command not answered in time (its workflow's worker died mid-command and no other has taken it yet) is
    // answered 503: the client sends it again with the same key, and it is applied once. The key stays claimed:
    // the command may still be applied.
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new AppError('SERVICE_UNAVAILABLE', [], `no answer in ${COMMAND_MS} ms`)),
        COMMAND_MS,
      );
    });
    sent.catch(() => undefined); // answered after the 503: nothing is waiting for it any more
    await Promise.race([sent, late]).finally(() => clearTimeout(timer));
    return await onMatter(temporal, matter.number, matter.kind, (h) => h.query(view), { read: true });
  } catch (err) {
    throw fromTemporal(err) ?? err;
  }
}
