// Replays every recorded history (test/replay/histories) against the current workflow code: a change to
// shipped workflow code that is not guarded by patched() fails here with a non-determinism error.
import proto from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import * as hosted from '../../workflows/index.js';

const dir = path.join(path.dirname(new URL(import.meta.url).pathname), 'histories');
const files = readdirSync(dir).filter((f) => f.endsWith('.binpb'));

describe('replay of recorded histories', () => {
  it('has recorded histories of every workflow the worker hosts, and of a phase continued as new', () => {
    const started = files.map(
      (f) =>
        proto.temporal.api.history.v1.History.decode(readFileSync(path.join(dir, f))).events[0]!
          .workflowExecutionStartedEventAttributes!,
    );
    expect(new Set(started.map((a) => a.workflowType!.name))).toEqual(new Set(Object.keys(hosted)));
    expect(started.some((a) => a.continuedExecutionRunId)).toBe(true);
  });
  it.each(files)('%s replays deterministically', async (file) => {
    const history = proto.temporal.api.history.v1.History.decode(readFileSync(path.join(dir, file)));
    expect(history.events.length).toBeGreaterThan(5);
    await expect(
      Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') } }, history, file),
    ).resolves.toBeUndefined();
  });
});
