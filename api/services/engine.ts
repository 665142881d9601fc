// Before anything is numbered: the workflow engine answers. A registration while Temporal is down is refused with
// 503 before a case, complaint or listing number is taken, so an outage leaves no gap in the numbers (a client
// that retries with the same Idempotency-Key later gets one number, as always).
import type { Client } from '@temporalio/client';
import { AppError } from '../errors.js';

/** How long the engine may take to answer before it counts as unavailable. */
const ENGINE_CHECK_MS = 2_000;

export async function requireEngine(temporal: Client): Promise<void> {
  try {
    await temporal.withDeadline(Date.now() + ENGINE_CHECK_MS, () =>
      temporal.workflowService.getSystemInfo({}),
    );
  } catch {
    throw new AppError('SERVICE_UNAVAILABLE');
  }
}
