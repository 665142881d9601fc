// The floor the commands are measured against: bare Temporal workflows on the same server, in the same run. One
// accepts one Update and ends; the other runs one no-op activity inside its Update.
import { condition, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';

export const bumpUpdate = defineUpdate<number>('bump');
export const bumpWithActivityUpdate = defineUpdate<number>('bumpWithActivity');
const { noop } = proxyActivities<{ noop(): Promise<number> }>({ startToCloseTimeout: '10s' });

export async function bare(): Promise<void> {
  let done = false;
  setHandler(bumpUpdate, () => {
    done = true;
    return 1;
  });
  setHandler(bumpWithActivityUpdate, async () => {
    const n = await noop();
    done = true;
    return n;
  });
  await condition(() => done);
}
