import { describe, expect, it } from 'vitest';
import { temporalLogFields } from './log.js';

describe("the Temporal SDK's log lines", () => {
  it('carry the number of the matter a workflow or an activity works for', () => {
    // An activity of a case's phase (the SDK's activity attributes), a complaint's workflow, the SDK's core.
    expect(
      temporalLogFields({ workflowId: 'DC-2026-00001:filing', activityType: 'notify', attempt: 3 }),
    ).toEqual({
      workflowId: 'DC-2026-00001:filing',
      activityType: 'notify',
      attempt: 3,
      case: 'DC-2026-00001',
      svc: 'temporal-sdk',
    });
    expect(temporalLogFields({ workflowId: 'DC-TS-2026-00007' }).case).toBe('DC-TS-2026-00007');
    expect(temporalLogFields({ workflow_id: 'DC-2026-00002:investigation-2' }).case).toBe('DC-2026-00002');
  });
  it('name no matter when the line is about none', () => {
    expect(temporalLogFields({ sdkComponent: 'worker', taskQueue: 'tiean-cases' })).toEqual({
      sdkComponent: 'worker',
      taskQueue: 'tiean-cases',
      svc: 'temporal-sdk',
    });
    expect(temporalLogFields(undefined)).toEqual({ svc: 'temporal-sdk' });
  });
});
