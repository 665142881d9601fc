// Replays every recorded history (test/replay/histories) against the current workflow code: a change to
// shipped workflow code that is not guarded by patched() fails here with a non-determinism error. Every history
// also replays with tracing on (the OpenTelemetry workflow interceptors in the bundle, as a traced worker has
// them): turning tracing on for workers with cases in flight changes nothing the cases do.
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import proto from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import * as hosted from '../../workflows/index.js';
import { startTracing } from '../../platform/tracing.js';
import { bundlerOptions, workflowsPath } from '../../workers/worker.js';

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
  it('every history replays with tracing on, and the replay exports no span', async () => {
    const spans = new InMemorySpanExporter();
    const tracing = (await startTracing({ mode: 'console' }, 'worker', { exporter: spans }))!;
    const histories = files.map((file) => ({
      workflowId: file,
      history: proto.temporal.api.history.v1.History.decode(readFileSync(path.join(dir, file))),
    }));
    const results: string[] = [];
    // One replay worker for all of them, its workflows bundled as a traced worker bundles them.
    for await (const r of Worker.runReplayHistories(
      { workflowsPath, bundlerOptions, ...tracing.workerOptions, replayName: 'traced' },
      histories,
    ))
      results.push(r.error ? `${r.workflowId}: ${String(r.error)}` : r.workflowId);
    await tracing.shutdown();
    expect(results.sort()).toEqual([...files].sort());
    expect(spans.getFinishedSpans()).toEqual([]);
  });
});
