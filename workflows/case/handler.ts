// One validated command of a case: the validator runs the domain guard (a refusal leaves the case unchanged
// and nothing in history), then the handler changes the state synchronously (so a second command in the same
// activation sees it) and records the step.
import type { UpdateDefinition } from '@temporalio/common';
import { setHandler } from '@temporalio/workflow';
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
  setHandler(
    def,
    async (cmd) => {
      await run(cmd);
      return c.result();
    },
    { validator: (cmd) => c.refuse(check(cmd)) },
  );
}

/** The ids of the officers who carried out a step; they join the case's investigators. */
export function teamIds(c: CaseContext, cmd: Command<unknown>): string[] {
  const ids = (cmd.team ?? []).map((o) => o.id);
  for (const id of ids)
    if (!c.investigation.investigators.includes(id)) c.investigation.investigators.push(id);
  return ids;
}
