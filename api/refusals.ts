// "A failed command leaves no trace but its audit entry": every write of a signed-in user that the API answers
// with an error is recorded, append-only, in CommandRefusal (who, which operation, on what, the error code),
// never with its body. Reads that fail are not commands, and calls without a session are nobody's: neither is
// recorded (they are logged).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../platform/db.js';
import type { Actor } from '../schema/roles.js';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface TrackedRequest extends FastifyRequest {
  /** The session's actor, resolved once per request. */
  actorPromise?: Promise<Actor>;
  /** The problem code the error handler answered with. */
  problemCode?: string;
}

export function recordRefusals(app: FastifyInstance, db: Db) {
  // Before the answer is sent: when the client has its error, the refusal is on record.
  app.addHook('onSend', async (request, reply, payload) => {
    const req = request as TrackedRequest;
    // Rate-limited requests never reached the command, and recording each would let a flood write to the
    // database: they are only logged.
    if (!WRITES.has(req.method) || reply.statusCode < 400 || reply.statusCode === 429 || !req.problemCode)
      return payload;
    // Only a signed-in user's command is on record: an unauthenticated flood must not write to the database.
    const actor = await req.actorPromise?.catch(() => undefined);
    if (!actor) return payload;
    const params = (req.params ?? {}) as Record<string, string>;
    try {
      await db.commandRefusal.create({
        data: {
          userId: actor.id,
          method: req.method,
          route: req.routeOptions.url ?? req.url.split('?')[0]!,
          target: params.number ?? params.id ?? null,
          status: reply.statusCode,
          code: req.problemCode,
        },
      });
    } catch (err) {
      // The database itself may be why the command failed; the log keeps the refusal then.
      req.log.warn(
        { err, code: req.problemCode, route: req.routeOptions.url },
        'refused command not recorded',
      );
    }
    return payload;
  });
}
