// Commands below the API (platform/command-auth.ts, workflows/matter/authenticated.ts): a workflow takes only a
// command the API's client signed with the installation's key and addressed to it. Sent straight to the Temporal
// frontend — unsigned, with a made-up `authenticated`, signed with another key, or a signed command copied to
// another case or sent again under another Update ID — it is refused and leaves no trace.
import { Client } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { signingCodec } from '../../platform/command-auth.js';
import * as M from '../../workflows/case/messages.js';
import { TEST_COMMAND_KEY } from '../helpers/command-key.js';
import { head, useCaseHarness } from '../helpers/case-harness.js';

const decline = { decision: 'decline' as const, ground: 'no_violation' as const, reasons: '伪造的不予立案' };

describe('commands below the API', () => {
  const { h, startCase, actions } = useCaseHarness('auth');

  it('refuses forged and misaddressed commands; the API’s own goes through', async () => {
    const a = await startCase();
    const b = await startCase();
    const client = (key?: Buffer) =>
      new Client({
        connection: h.env.connection,
        ...(key ? { dataConverter: { payloadCodecs: [signingCodec(key)] } } : {}),
      });
    const refusal = (p: Promise<unknown>) =>
      p.then(
        () => 'accepted',
        (e: { cause?: { type?: string; message?: string } }) => `${e.cause?.type}: ${e.cause?.message}`,
      );
    await a.worker.runUntil(async () => {
      await b.worker.runUntil(async () => {
        const filing = (n: string) => `${n}:filing`;
        await a.view();
        // Straight to the frontend, as `temporal workflow update execute` would: no signature.
        const plain = client().workflow.getHandle(filing(a.caseNumber));
        expect(
          await refusal(
            plain.executeUpdate(M.decideFilingUpdate, { args: [{ actor: head, command: decline }] }),
          ),
        ).toMatch(/^COMMAND_NOT_AUTHENTICATED/);
        // Claiming to be authenticated changes nothing: the workers' codec removes the claim.
        const claim = { actor: head, command: decline, authenticated: true } as M.Command<typeof decline>;
        expect(await refusal(plain.executeUpdate(M.decideFilingUpdate, { args: [claim] }))).toMatch(
          /^COMMAND_NOT_AUTHENTICATED/,
        );
        // Signed with another key.
        const other = client(Buffer.alloc(32, 9)).workflow.getHandle(filing(a.caseNumber));
        expect(
          await refusal(
            other.executeUpdate(M.decideFilingUpdate, { args: [{ actor: head, command: decline }] }),
          ),
        ).toMatch(/^COMMAND_NOT_AUTHENTICATED/);
        // Signed with the right key, but addressed to case B (a command copied from B's history), and one
        // addressed right but under another Update ID (sent again).
        const signed = client(TEST_COMMAND_KEY).workflow.getHandle(filing(a.caseNumber));
        const to = (workflowId: string, updateId: string) => ({
          actor: head,
          command: decline,
          target: { workflowId, update: M.decideFilingUpdate.name, updateId },
        });
        expect(
          await refusal(
            signed.executeUpdate(M.decideFilingUpdate, {
              args: [to(filing(b.caseNumber), 'u1')],
              updateId: 'u1',
            }),
          ),
        ).toBe(
          'COMMAND_NOT_AUTHENTICATED: 指令未经认证（API 与 worker 须使用相同的指令密钥） / The command could not be authenticated (the API and the workers need the same command key) (target)',
        );
        expect(
          await refusal(
            signed.executeUpdate(M.decideFilingUpdate, {
              args: [to(filing(a.caseNumber), 'u2')],
              updateId: 'u3',
            }),
          ),
        ).toMatch(/^COMMAND_NOT_AUTHENTICATED.*\(target\)$/);
        // Nothing of these is in the case.
        expect((await a.view()).stage).toBe('filing');
        expect(await actions(a.caseNumber)).toEqual(['clue.registered']);
        // The API's client (signing, binding each command to its target) is obeyed.
        const filed = await a.file();
        expect(filed.stage).toBe('investigation');
      });
    });
  });
});
