// One validated command of a case: the validator runs the domain guard (a refusal leaves the case unchanged
// and nothing in history), then the handler changes the state synchronously (so a second command in the same
// activation sees it) and records the step. Once the phase is over (a command moved the case on), commands are
// refused with PHASE_ENDED before they touch anything: the caller sends them to the next phase.
import { unauthenticated } from '../matter/authenticated.js';
import type { UpdateDefinition } from '@temporalio/common';
import { condition, currentUpdateInfo, defineUpdate, patched, setHandler } from '@temporalio/workflow';
import type { CommandResult } from '../../schema/common.js';
import type { Refusal } from '../../schema/errors.js';
import type { CaseContext } from './context.js';
import type { Command } from './messages.js';

export function command<T>(
  c: CaseContext,
  def: UpdateDefinition<CommandResult, [Command<T>]>,
  check: (cmd: Command<T>) => Refusal | undefined,
  run: (cmd: Command<T>) => Promise<void>,
): void {
  c.commands.add(def.name);
  const refusal = (cmd: Command<T>): Refusal | undefined =>
    c.phaseOver() ? { code: 'PHASE_ENDED' } : (check(cmd) ?? c.roomFor(def.name));
  setHandler(
    def,
    async (cmd) => {
      // The same command again (a retried request whose Update ID an earlier run or phase took): its answer.
      const id = currentUpdateInfo()?.id;
      const answered = c.answered(id);
      if (answered) return answered;
      // A command that arrives before the phase has restored its clocks (its first activation) or written its
      // opening steps waits for them, then is checked again: another command may have changed the case
      // meanwhile. (Histories from before the wait for the opening steps keep their order.)
      const beforeOpen = !c.opened && patched('commands-after-open');
      if (!c.ready || beforeOpen) {
        await condition(() => c.ready && (c.opened || !beforeOpen));
        c.refuse(refusal(cmd));
      }
      await run(cmd);
      return c.remember(id, c.result());
    },
    {
      validator: (cmd) => {
        if (!c.answered(currentUpdateInfo()?.id)) c.refuse(unauthenticated(cmd) ?? refusal(cmd));
      },
    },
  );
}

/** The ids of the officers who carried out a step; they join the case's investigators. */
export function teamIds(c: CaseContext, cmd: Command<unknown>): string[] {
  const ids = (cmd.team ?? []).map((o) => o.id);
  for (const id of ids)
    if (!c.investigation.investigators.includes(id)) c.investigation.investigators.push(id);
  return ids;
}

/** The commands of other phases: refused with the stage (each phase registers only its own). A command an
 * earlier phase took and answered, sent again with its Update ID (a client that never got the answer retries
 * after the case moved on), gets that answer, as within its own phase. */
export function refuseOtherCommands(c: CaseContext, all: readonly { name: string }[]) {
  const earlier = () => c.answered(currentUpdateInfo()?.id);
  for (const { name } of all.filter((d) => !c.commands.has(d.name)))
    setHandler(
      defineUpdate<CommandResult, [unknown]>(name),
      (_cmd: unknown) => {
        const answer = earlier();
        return answer ? Promise.resolve(answer) : Promise.reject(new Error('refused by the validator'));
      },
      {
        validator: (_cmd: unknown) => {
          if (earlier()) return;
          c.refuse(
            c.phaseOver()
              ? { code: 'PHASE_ENDED' }
              : { code: 'STAGE_NOT_ALLOWED', detail: `${c.stage}: ${name}` },
          );
        },
      },
    );
}
