// A command sent while a case is between two phases: if the next phase does not start in time the caller is told
// to try again (the case is running), never that the case is closed; a case that has run its course is closed.
// (Stand-ins for Temporal; the handover itself runs on real servers in the workflow and e2e lanes.)
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { fromTemporal } from '../../api/errors.js';
import { onMatter, PhaseHandoverError } from '../../services/matter-workflows.js';

const between = (status: 'RUNNING' | 'COMPLETED') =>
  ({
    workflow: {
      getHandle: () => ({
        query: async () => null, // the case's workflow names no phase: the next has not started
        describe: async () => ({ status: { name: status } }),
      }),
    },
  }) as unknown as Client;

describe('a command between two phases of a case', () => {
  it('is answered "try again" while the case runs, and "closed" once it has ended', async () => {
    const call = () => Promise.resolve('applied');
    const slow = await onMatter(between('RUNNING'), 'DC-2026-00061', 'case', call).catch((e: unknown) => e);
    expect(slow).toBeInstanceOf(PhaseHandoverError);
    expect(fromTemporal(slow)).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    const over = await onMatter(between('COMPLETED'), 'DC-2026-00061', 'case', call).catch((e: unknown) => e);
    expect(over).toBeInstanceOf(WorkflowNotFoundError);
    expect(fromTemporal(over)).toMatchObject({ code: 'STAGE_NOT_ALLOWED' });
  }, 20_000);
});
