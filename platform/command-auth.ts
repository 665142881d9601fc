// Commands only the API can issue: the trust boundary below the API. Anyone who reaches the Temporal frontend
// could otherwise send a workflow Update naming any actor ("head1 declines the case"). So the API's client signs
// every payload it sends (HMAC-SHA256 with the installation's command key, in the payload's metadata) and binds
// each command to its target (workflow ID, Update name and Update ID, inside the signed payload); the workers'
// codec marks a command `authenticated` only when its signature verifies, and strips the mark from anything else.
// The workflows' validators refuse a command that is not authenticated or not addressed to them (nothing is
// recorded). The key comes from TIEAN_COMMAND_KEY, or, for the embedded installation, from the data folder
// (created once, readable only by its owner). The README ("Production deployment") draws the trust boundary.
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { WorkflowClientInterceptor } from '@temporalio/client';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { ConfigError, type Config } from './config.js';

const SIGNATURE = 'tiean-signature';
const MARK = '"authenticated"';
const KEY_BYTES = 32;
const utf8 = new TextEncoder();
const text = new TextDecoder();

const isJson = (p: Payload) =>
  p.data && text.decode(p.metadata?.encoding ?? new Uint8Array()) === 'json/plain';
const mac = (key: Buffer, data: Uint8Array) => createHmac('sha256', key).update(data).digest();

/** A command as the workflows receive it: its envelope carries an actor. */
function isEnvelope(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v) && 'actor' in v;
}

/** The API's codec: signs what it sends, reads what it receives as it is. */
export function signingCodec(key: Buffer): PayloadCodec {
  return {
    encode: async (payloads) =>
      payloads.map((p) =>
        isJson(p) ? { ...p, metadata: { ...p.metadata, [SIGNATURE]: mac(key, p.data!) } } : p,
      ),
    decode: async (payloads) => payloads,
  };
}

/** The workers' codec: a command whose signature verifies is marked `authenticated: true`; no other payload
 * carries the mark (a sender's own `authenticated` is removed). Everything else passes as it is. */
export function verifyingCodec(key: Buffer): PayloadCodec {
  const mark = (p: Payload): Payload => {
    if (!isJson(p)) return p;
    const sig = p.metadata?.[SIGNATURE];
    const signed = sig?.length === KEY_BYTES && timingSafeEqual(Buffer.from(sig), mac(key, p.data!));
    // Unsigned payloads are parsed only when they might carry the mark (large case states never do).
    if (!signed && Buffer.from(p.data!).indexOf(MARK) < 0) return p;
    let v: unknown;
    try {
      v = JSON.parse(text.decode(p.data!));
    } catch {
      return p;
    }
    if (!v || typeof v !== 'object' || Array.isArray(v)) return p;
    const o = { ...(v as Record<string, unknown>) };
    if (signed && isEnvelope(o)) o.authenticated = true;
    else if ('authenticated' in o) delete o.authenticated;
    else return p;
    return { ...p, data: utf8.encode(JSON.stringify(o)) };
  };
  return { encode: async (payloads) => payloads, decode: async (payloads) => payloads.map(mark) };
}

/** Binds each command the API sends to its target: the workflow, the Update and its ID (signed with it). */
export const commandTargetInterceptor: WorkflowClientInterceptor = {
  async startUpdate(input, next) {
    const updateId = input.options.updateId ?? randomUUID();
    const [first, ...rest] = input.args;
    const args = isEnvelope(first)
      ? [
          {
            ...first,
            target: { workflowId: input.workflowExecution.workflowId, update: input.updateName, updateId },
          },
          ...rest,
        ]
      : input.args;
    return next({ ...input, args, options: { ...input.options, updateId } });
  },
};

/** The client options that make the API's commands verifiable. */
export const commandClientOptions = (key: Buffer) => ({
  dataConverter: { payloadCodecs: [signingCodec(key)] },
  interceptors: { workflow: [commandTargetInterceptor] },
});

/** The installation's command key: TIEAN_COMMAND_KEY, or the key file in the data folder (created with
 * `create`, by the start command of the embedded installation). */
export function loadCommandKey(cfg: Config, opts: { create?: boolean } = {}): Buffer {
  if (cfg.commandKey) return Buffer.from(cfg.commandKey, 'base64');
  const file = path.join(cfg.dataDir, 'command.key');
  if (!existsSync(file)) {
    if (!opts.create)
      throw new ConfigError([
        {
          variable: 'TIEAN_COMMAND_KEY',
          message: `not set, and no key in ${file}: the API and every worker need the same key (base64, ${KEY_BYTES} bytes or more)`,
        },
      ]);
    try {
      writeFileSync(file, randomBytes(KEY_BYTES).toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
}

export const COMMAND_KEY_BYTES = KEY_BYTES;
