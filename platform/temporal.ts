// Connections to Temporal: the dev server by default, a cluster or Temporal Cloud (TLS / API key) in production.
import { Client, Connection, type ClientOptions, type ConnectionOptions } from '@temporalio/client';
import { NativeConnection, type NativeConnectionOptions } from '@temporalio/worker';
import { readFileSync } from 'node:fs';
import { commandClientOptions } from './command-auth.js';
import type { Config } from './config.js';
import type { Tracing } from './tracing.js';

function tlsOptions(cfg: Config['temporal']) {
  if (!cfg.tls) return undefined;
  const { certPath, keyPath, caPath } = cfg.tls;
  return {
    clientCertPair:
      certPath && keyPath ? { crt: readFileSync(certPath), key: readFileSync(keyPath) } : undefined,
    serverRootCACertificate: caPath ? readFileSync(caPath) : undefined,
  };
}

export function connectionOptions(cfg: Config['temporal']): ConnectionOptions & NativeConnectionOptions {
  return { address: cfg.address, tls: tlsOptions(cfg), apiKey: cfg.apiKey };
}

/** A client's options: with the command key, its commands are signed and bound to their target
 * (command-auth.ts); with tracing, each call is a span whose context travels in the request's headers
 * (tracing.ts). The target is bound first, so the span records the Update ID; the signature covers the payloads
 * only, never the headers. */
export function clientOptions(commandKey?: Buffer, tracing?: Tracing): Partial<ClientOptions> {
  const signed = commandKey ? commandClientOptions(commandKey) : undefined;
  return {
    ...(signed ? { dataConverter: signed.dataConverter } : {}),
    interceptors: {
      workflow: [...(signed?.interceptors.workflow ?? []), ...(tracing ? [tracing.clientInterceptor] : [])],
    },
  };
}

/** A client; with the command key, its commands are signed, and with tracing, traced (clientOptions). */
export async function connectClient(
  cfg: Config['temporal'],
  commandKey?: Buffer,
  tracing?: Tracing,
): Promise<Client> {
  const connection = await Connection.connect(connectionOptions(cfg));
  return new Client({ connection, namespace: cfg.namespace, ...clientOptions(commandKey, tracing) });
}

export function connectWorkerConnection(cfg: Config['temporal']): Promise<NativeConnection> {
  return NativeConnection.connect(connectionOptions(cfg));
}

/** Waits until the frontend answers (the dev server takes a few seconds on a cold start). */
export async function waitForTemporal(cfg: Config['temporal'], timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const c = await Connection.connect({ ...connectionOptions(cfg), connectTimeout: 2000 });
      await c.healthService.check({});
      await c.close();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`Temporal at ${cfg.address} did not answer: ${String(err)}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}
