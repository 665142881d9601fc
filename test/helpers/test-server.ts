// The time-skipping test server (the Java server from Maven Central), started by us rather than by the SDK: the
// SDK's own start gives the JVM 5 s to open its port, which a loaded 2-core machine does not always meet (seen:
// "ephemeral server … did not start within 5s" with another suite running). Here the JVM gets a generous
// deadline, and a start that fails (a port taken between choosing and binding, a JVM that died) is retried on a
// new port. The SDK then connects to it as an existing server with time skipping.
import { TestWorkflowEnvironment, type ClientOptionsForTestEnv } from '@temporalio/testing';
import { testClientOptions } from './command-key.js';
import net from 'node:net';
import { startProcess, type Managed } from '../../platform/processes.js';
import { freePort } from './ports.js';

/** How long one JVM may take to open its port, and how many starts are tried. */
export const TEST_SERVER_START = { timeoutMs: 90_000, attempts: 3 } as const;

/** JVM options for a short-lived test server: quick start-up and a small heap. */
const JAVA_OPTS = '-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms64m -Xmx512m -Xshare:auto';

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ port, host: '127.0.0.1' });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

async function startOnce(executable: string, port: number): Promise<Managed> {
  const lines: string[] = [];
  // Only the port, as the SDK starts it: time skipping stays locked until a client unlocks it (env.sleep, a
  // workflow result); `--enable-time-skipping` would let the server skip on its own between test steps.
  const proc = startProcess('temporal-test-server', executable, [String(port)], {
    env: { ...process.env, JAVA_OPTS },
    onLine: (l) => lines.push(l) > 50 && lines.shift(),
  });
  const deadline = Date.now() + TEST_SERVER_START.timeoutMs;
  let exited: number | null | undefined;
  void proc.exited.then((c) => (exited = c));
  while (Date.now() < deadline) {
    if (exited !== undefined)
      throw new Error(`the test server exited (code ${exited}) on port ${port}:\n${lines.join('\n')}`);
    if (await portOpen(port)) return proc;
    await new Promise((r) => setTimeout(r, 100));
  }
  await proc.stop(2_000);
  throw new Error(`the test server did not open port ${port} within ${TEST_SERVER_START.timeoutMs} ms`);
}

/** A running test server: its address, and stop(). */
export async function startTestServer(
  executable: string,
): Promise<{ address: string; stop(): Promise<void> }> {
  const errors: string[] = [];
  for (let attempt = 1; attempt <= TEST_SERVER_START.attempts; attempt++) {
    const port = await freePort();
    try {
      const proc = await startOnce(executable, port);
      return { address: `127.0.0.1:${port}`, stop: () => proc.stop(5_000) };
    } catch (err) {
      errors.push(`attempt ${attempt}: ${(err as Error).message}`);
    }
  }
  throw new Error(`the time-skipping test server did not start:\n${errors.join('\n')}`);
}

/** TestWorkflowEnvironment's own factory is private in its type declarations (the public ones start the server
 * themselves, with the 5 s deadline); it is the documented `create` that the public ones call. */
type EnvFactory = {
  create(opts: {
    server: { type: 'existing' };
    address: string;
    namespace: string;
    supportsTimeSkipping: true;
    client?: ClientOptionsForTestEnv;
  }): Promise<TestWorkflowEnvironment>;
};

/** A time-skipping environment on a server of our own; its teardown() also stops the server. */
export async function timeSkippingEnvOn(executable: string): Promise<TestWorkflowEnvironment> {
  const server = await startTestServer(executable);
  let env: TestWorkflowEnvironment;
  try {
    env = await (TestWorkflowEnvironment as unknown as EnvFactory).create({
      server: { type: 'existing' },
      address: server.address,
      namespace: 'default',
      supportsTimeSkipping: true,
      // Its client signs commands as the API's does (platform/command-auth.ts).
      client: testClientOptions(),
    });
  } catch (err) {
    await server.stop();
    throw err;
  }
  const closeConnections = env.teardown.bind(env);
  env.teardown = async () => {
    await closeConnections();
    await server.stop();
  };
  return env;
}
