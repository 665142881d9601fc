// Temporal test environments on real servers: the time-skipping test server (Java, from Maven Central) and
// the dev server (Temporal CLI), both bootstrapped by the project; never downloaded by the SDK.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkerOptions } from '@temporalio/worker';
import { inject } from 'vitest';
import { registerSearchAttributes } from '../../platform/search-attributes.js';
import { depsOf } from '../../activities/index.js';
import { withMailOutbox } from '../../workers/worker.js';
import { testDataConverter } from './command-key.js';
import { timeSkippingEnvOn } from './test-server.js';

/** A time-skipping environment on its own test server (see test-server.ts for how it starts). */
export async function timeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const env = await timeSkippingEnvOn(inject('testServer'));
  await registerSearchAttributes(env.connection, env.namespace ?? 'default');
  return env;
}

export async function testWorker(
  env: TestWorkflowEnvironment,
  taskQueue: string,
  activities: WorkerOptions['activities'],
  options: Partial<WorkerOptions> = {},
): Promise<Worker> {
  const worker = await Worker.create({
    dataConverter: testDataConverter(),
    ...options,
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    workflowBundle: { codePath: inject('workflowBundlePath') },
    activities,
  });
  // Given the real activities, the worker sends the mail outbox with their database and mailer, as a worker
  // process does; a failed e-mail is tried again within seconds (the time-skipping server does not skip the
  // sender's real time).
  const deps = activities && depsOf(activities);
  return deps ? withMailOutbox(worker, deps, { idleMs: 50, retryMaxMs: 2_000 }) : worker;
}
