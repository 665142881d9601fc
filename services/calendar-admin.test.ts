// A calendar load's recomputation, a batch at a time, with a case whose workflow does not answer: the batch goes
// on, sends a timed-out recomputation again under the same Update ID, and counts and names the cases it could not
// recompute instead of failing.
// (Stand-ins for Temporal and the database; the load itself runs against the real stack in
// test/e2e/start-and-api.test.ts.)
import { WorkflowUpdateRPCTimeoutOrCancelledError, type Client } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import type { Db } from '../platform/db.js';
import { recomputeOpenBatch } from './calendar-admin.js';

describe('recomputing open cases after a calendar load', () => {
  it('retries a timed-out case with the same Update ID and names the ones that never answer', async () => {
    const cases = ['DC-2026-00001', 'DC-2026-00002', 'DC-2026-00003', 'DC-2026-00004'];
    const db = {
      case: {
        findMany: async (q: { where: { number?: { gt: string } }; take: number }) =>
          cases
            .filter((n) => !q.where.number || n > q.where.number.gt)
            .slice(0, q.take)
            .map((number) => ({ number, kind: 'case' })),
      },
    } as unknown as Db;
    const sent: { id: string; updateId: string }[] = [];
    const timeout = () => new WorkflowUpdateRPCTimeoutOrCancelledError('context deadline exceeded');
    const temporal = {
      workflow: {
        getHandle: (id: string) => ({
          describe: async () => ({ status: { name: 'RUNNING' }, memo: { phase: `${id}:filing` } }),
          executeUpdate: async (_u: unknown, o: { updateId: string }) => {
            sent.push({ id, updateId: o.updateId });
            const tries = sent.filter((s) => s.id === id).length;
            if (id.startsWith('DC-2026-00002') && tries === 1) throw timeout(); // answers the second time
            if (id.startsWith('DC-2026-00003')) throw timeout(); // never answers
            if (id.startsWith('DC-2026-00004')) throw new Error('workflow task failed'); // stopped
            return id.startsWith('DC-2026-00001')
              ? [{ clock: 'filing', from: '2026-12-21', to: '2026-12-22' }]
              : [];
          },
        }),
      },
    } as unknown as Client;

    // Two batches of three and one (a cursor on the case number), two at a time.
    let beats = 0;
    const opts = { loadId: 'load-1', limit: 3, concurrency: 2, heartbeat: () => beats++ };
    const first = await recomputeOpenBatch(db, temporal, { ...opts, after: null });
    const second = await recomputeOpenBatch(db, temporal, { ...opts, after: first.last });
    const none = await recomputeOpenBatch(db, temporal, { ...opts, after: second.last });
    expect(first).toMatchObject({
      cases: 3,
      last: 'DC-2026-00003',
      casesChanged: 1,
      deadlinesChanged: 1,
      casesNotRecomputed: 1,
      notRecomputed: ['DC-2026-00003'],
    });
    expect(second).toMatchObject({ cases: 1, last: 'DC-2026-00004', notRecomputed: ['DC-2026-00004'] });
    expect(none).toMatchObject({ cases: 0, last: null });
    expect(beats).toBe(4);
    expect(first.moved).toEqual([
      { caseNumber: 'DC-2026-00001', clock: 'filing', from: '2026-12-21', to: '2026-12-22' },
    ]);
    // The moved deadlines listed stop at the room left (the counts cover all).
    sent.length = 0;
    const full = await recomputeOpenBatch(db, temporal, { ...opts, after: null, listRoom: 0 });
    expect([full.deadlinesChanged, full.moved]).toEqual([1, []]);
    sent.length = 0;
    await recomputeOpenBatch(db, temporal, { ...opts, after: null, limit: 10 });
    // Every recomputation of this load carries one Update ID: one sent again applies once.
    expect(new Set(sent.map((s) => s.updateId))).toEqual(new Set(['calendar-load-1']));
    expect(sent.filter((s) => s.id.startsWith('DC-2026-00002'))).toHaveLength(2);
    expect(sent.filter((s) => s.id.startsWith('DC-2026-00003'))).toHaveLength(3);
  });
});
