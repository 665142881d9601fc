// Case commands: each becomes a workflow Update; the Idempotency-Key header is the Update ID, so a retried
// request is applied once and returns the same result. The route checks who may act (role, unit: an early
// answer from the projection) and resolves the people a command names from the user directory; the
// workflow's validator has the last word on all of it (defence in depth).
import type { UpdateDefinition } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Db } from '../../../platform/db.js';
import { CaseNumberParamsSchema, IdempotencyHeadersSchema, ProblemSchema } from '../../../schema/api.js';
import { CaseViewSchema } from '../../../schema/case.js';
import type { CommandResult } from '../../../schema/common.js';
import type { OfficerRef } from '../../../schema/investigation.js';
import type { Actor, Role } from '../../../schema/roles.js';
import { caseViewQuery, type Command } from '../../../workflows/case/messages.js';
import { requireRole } from '../../auth/sessions.js';
import { AppError } from '../../errors.js';
import type { ApiDeps } from '../../server.js';
import { sendUpdate, visibleMatter } from '../../services/matters.js';

export interface CaseCommandSpec<S extends z.ZodType> {
  path: string;
  tag: string;
  summary: string;
  body: S;
  update: UpdateDefinition<CommandResult, [Command<z.infer<S>>], string>;
  /** Who may send it (the workflow checks unit, stage and the rest). */
  roles: Role[];
  /** Which user ids of the body (or the acting user) to resolve for the validator. */
  names?: (
    body: z.infer<S>,
    actor: Actor,
  ) => { team?: string[]; reviewer?: string; participants?: string[]; chair?: string };
  /** What follows a command that was applied (e.g. archiving the case file at closure); a failure here is logged,
   * never turned into the command's failure: the command has happened. */
  after?: (deps: ApiDeps, actor: Actor, number: string) => Promise<unknown>;
}

/** Users as the validator needs them; an unknown id is a field error, not a silent drop. */
export async function resolveUsers(db: Db, ids: string[], field: string): Promise<OfficerRef[]> {
  const users = await db.user.findMany({ where: { id: { in: ids }, active: true } });
  const missing = ids.filter((id) => !users.some((u) => u.id === id));
  if (missing.length)
    throw new AppError(
      'VALIDATION_FAILED',
      missing.map((id) => ({ path: `body.${field}`, message: `未知用户 / unknown user: ${id}` })),
    );
  return ids.map((id) => {
    const u = users.find((x) => x.id === id)!;
    return {
      id: u.id,
      unitId: u.unitId,
      roles: u.roles,
      certificateNo: u.certificateNo,
      legalQualified: u.legalQualified,
    };
  });
}

/** Every case command the API serves, by path: the web app's forms are checked against it (the same body schema,
 * the same roles). */
export const CASE_COMMANDS = new Map<string, { body: z.ZodType; roles: Role[]; summary: string }>();

export function caseCommand<S extends z.ZodType>(
  app: FastifyInstance,
  deps: ApiDeps,
  spec: CaseCommandSpec<S>,
): void {
  CASE_COMMANDS.set(spec.path, { body: spec.body, roles: spec.roles, summary: spec.summary });
  app.withTypeProvider<ZodTypeProvider>().post(
    spec.path,
    {
      schema: {
        tags: [spec.tag],
        summary: spec.summary,
        params: CaseNumberParamsSchema,
        headers: IdempotencyHeadersSchema,
        body: spec.body,
        response: {
          200: CaseViewSchema,
          400: ProblemSchema,
          401: ProblemSchema,
          403: ProblemSchema,
          404: ProblemSchema,
          409: ProblemSchema,
          422: ProblemSchema,
        },
      },
    },
    async (req) => {
      const { db, temporal } = deps;
      const actor = await req.actor();
      requireRole(actor, ...spec.roles);
      const c = await visibleMatter(db, actor, req.params.number, 'case');
      if (c.unitId !== actor.unitId) throw new AppError('FORBIDDEN_UNIT');
      const body = req.body as z.infer<S>;
      const names = spec.names?.(body, actor) ?? {};
      const cmd: Command<z.infer<S>> = {
        actor,
        command: body,
        ...(names.team ? { team: await resolveUsers(db, names.team, 'officers') } : {}),
        ...(names.reviewer ? { reviewer: (await resolveUsers(db, [names.reviewer], 'reviewerId'))[0] } : {}),
        ...(names.participants
          ? { participants: await resolveUsers(db, names.participants, 'participants') }
          : {}),
        ...(names.chair ? { chair: (await resolveUsers(db, [names.chair], 'chairId'))[0] } : {}),
      };
      const view = await sendUpdate(
        db,
        temporal,
        req,
        actor,
        { number: c.number, kind: 'case' },
        spec.update,
        cmd,
        caseViewQuery,
      );
      if (spec.after)
        await spec
          .after(deps, actor, c.number)
          .catch((err: unknown) => req.log.warn({ err }, 'after-command step failed'));
      return view;
    },
  );
}
