// The calendar recomputation's activities: counting the open matters, and recomputing a batch of them (each
// through its workflow's Update, with the worker's own Temporal client).
import { ApplicationFailure, Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import type { Db } from '../../platform/db.js';
import { recomputeOpenBatch, type RecomputeBatch } from '../../services/calendar-admin.js';

export function calendarRecomputeActivities(db: Db, temporal: Client | undefined) {
  return {
    async countOpenMatters(): Promise<number> {
      return db.case.count({ where: { status: 'open' } });
    },
    async recomputeBatch(b: {
      loadId: string;
      after: string | null;
      limit: number;
      listRoom: number;
    }): Promise<RecomputeBatch> {
      // A worker started without a client (tests of other activities) cannot run this one.
      if (!temporal)
        throw ApplicationFailure.nonRetryable(
          'this worker has no Temporal client for the calendar recomputation',
        );
      let done = 0;
      return recomputeOpenBatch(db, temporal, {
        ...b,
        heartbeat: () => Context.current().heartbeat(++done),
      });
    },
  };
}

export type CalendarRecomputeActivities = ReturnType<typeof calendarRecomputeActivities>;
