// A calendar load with a case whose workflow does not answer: the load goes on, sends a timed-out recomputation
// again under the same Update ID, and counts and names the cases it could not recompute instead of failing.
// (Stand-ins for Temporal and the database; the load itself runs against the real stack in
// test/e2e/start-and-api.test.ts.)
import { WorkflowUpdateRPCTimeoutOrCancelledError, type Client } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import type { Db } from '../platform/db.js';
import { recomputeOpenCases } from './calendar-admin.js';

describe('recomputing open cases after a calendar load', () => {
  it('retries a timed-out case with the same Update ID and names the ones that never answer', async () => {
    const cases = ['DC-2026-00001', 'DC-2026-00002', 'DC-2026-00003', 'DC-2026-00004'];
    const db = {
      case: { findMany: async () => cases.map((number) => ({ number, kind: 'case' })) },
    } as unknown as Db;
    const sent: { id: string; updateId: string }[] = [];
    const timeout = () => new WorkflowUpdateRPCTimeoutOrCancelledError('context deadline exceeded');
    const temporal = {
      workflow: {
        getHandle: (id: string) => ({
          query: async () => `${id}:filing`,
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

    const r = await recomputeOpenCases(db, temporal, 2, 'load-1');
    expect(r).toMatchObject({
      cases: 4,
      casesChanged: 1,
      deadlinesChanged: 1,
      casesNotRecomputed: 2,
      notRecomputed: ['DC-2026-00003', 'DC-2026-00004'],
    });
    expect(r.moved).toEqual([
      { caseNumber: 'DC-2026-00001', clock: 'filing', from: '2026-12-21', to: '2026-12-22' },
    ]);
    // Every recomputation of this load carries one Update ID: one sent again applies once.
    expect(new Set(sent.map((s) => s.updateId))).toEqual(new Set(['calendar-load-1']));
    expect(sent.filter((s) => s.id.startsWith('DC-2026-00002'))).toHaveLength(2);
    expect(sent.filter((s) => s.id.startsWith('DC-2026-00003'))).toHaveLength(3);
  });
});
