// `npm run bench:history` — the size of a case's Temporal history as the case grows: a case is filed and then
// receives N investigation commands (evidence records, tests started and finished, assistance requested and
// answered, in turn), on the time-skipping server with the real activities (PostgreSQL, SMTP). For each N it
// reports the history's events and bytes per workflow and per command, the marginal cost of the last commands,
// and the size of the last Update's result. Figures go to the README (the engine's history must stay flat).
import proto from '@temporalio/proto';
import { chinaDateOf } from '../schema/values/dates.js';
import { caseInput, head, officer1, team, TEAM_IDS } from '../test/helpers/cases.js';
import { standaloneEngine } from '../test/helpers/standalone.js';
import * as M from '../workflows/case/messages.js';
import { startCaseWorkflow } from '../test/helpers/case-client.js';

const SIZES = (process.env.BENCH_SIZES ?? '12,50,100').split(',').map(Number);
const officer = officer1;
const officers = TEAM_IDS;

const { env, worker, stop } = await standaloneEngine('bench-history');

interface Row {
  commands: number;
  events: number;
  bytes: number;
  lastResultBytes: number;
}

/** The n-th investigation command of the case, cycling through the kinds a real investigation has. */
async function command(
  h: { executeUpdate: (...a: never[]) => Promise<unknown> },
  i: number,
): Promise<unknown> {
  const send = h.executeUpdate as unknown as (u: unknown, o: { args: unknown[] }) => Promise<unknown>;
  const cmd = (command: unknown) => ({ args: [{ actor: officer, team, command }] });
  switch (i % 4) {
    case 0:
      return send(
        M.recordEvidenceUpdate,
        cmd({
          officers,
          type: 'documentary',
          description: `第 ${i} 份书证：进货单据`,
          collectedAt: new Date(await env.currentTimeMs()).toISOString(),
          place: '当事人经营场所',
          attachments: [],
        }),
      );
    case 1:
      return send(
        M.startTestingUpdate,
        cmd({ officers, kind: 'testing', description: `第 ${i} 次送检`, seizureIds: [] }),
      );
    case 2:
      return send(
        M.finishTestingUpdate,
        cmd({ officers, testingId: `T${Math.ceil(i / 4)}`, result: '合格' }),
      );
    default:
      return send(
        M.requestAssistanceUpdate,
        cmd({ officers, office: '某区市场监督管理局', matter: `协查 ${i}` }),
      );
  }
}

const size = (x: unknown) => Buffer.byteLength(JSON.stringify(x));
const rows: Row[] = [];
await worker.runUntil(async () => {
  for (const n of SIZES) {
    const caseNumber = `BENCH-${n}-${Date.now()}`;
    const h = await startCaseWorkflow(env.client, {
      taskQueue: 'bench-history',
      workflowId: caseNumber,
      args: [caseInput(caseNumber, chinaDateOf(await env.currentTimeMs()))],
    });
    await h.executeUpdate(M.decideFilingUpdate, {
      args: [{ actor: head, command: { decision: 'file', reasons: '有违法事实，符合立案条件' } }],
    });
    let last: unknown;
    for (let i = 0; i < n; i++) last = await command(h, i);
    // The commands go to the investigation phase's workflow; the case's own and the filing phase's
    // histories do not grow with them (reported once, below).
    const history = await env.client.workflow.getHandle(`${caseNumber}:investigation`).fetchHistory();
    const bytes = proto.temporal.api.history.v1.History.encode(history).finish().length;
    if (n === SIZES[0]) {
      for (const id of [caseNumber, `${caseNumber}:filing`]) {
        const other = await env.client.workflow.getHandle(id).fetchHistory();
        const size = proto.temporal.api.history.v1.History.encode(other).finish().length;
        console.log(`${id}: ${other.events?.length} events, ${size} bytes`);
      }
    }
    if (process.env.BENCH_TRACE && n === SIZES.at(-1)) {
      // The events of the last four commands, by type: where a command's events go.
      const events = history.events ?? [];
      const accepted = events
        .map((e, i) => (e.workflowExecutionUpdateAcceptedEventAttributes ? i : -1))
        .filter((i) => i >= 0);
      const from = accepted.at(-4) ?? 0;
      const counts = new Map<string, number>();
      for (const e of events.slice(from)) {
        const t = proto.temporal.api.enums.v1.EventType[e.eventType ?? 0] ?? String(e.eventType);
        counts.set(t, (counts.get(t) ?? 0) + 1);
      }
      console.log('events of the last 4 commands:', Object.fromEntries(counts));
    }
    rows.push({ commands: n, events: history.events?.length ?? 0, bytes, lastResultBytes: size(last) });
    await h.terminate('measured').catch(() => undefined);
  }
});

console.log('\ncommands  events  events/cmd     bytes  bytes/cmd  marginal bytes/cmd  last Update result');
let prev: Row | undefined;
for (const r of rows) {
  const marginal = prev ? ((r.bytes - prev.bytes) / (r.commands - prev.commands)).toFixed(0) : '—';
  console.log(
    `${String(r.commands).padStart(8)}  ${String(r.events).padStart(6)}  ${(r.events / r.commands).toFixed(1).padStart(10)}  ${String(r.bytes).padStart(8)}  ${(r.bytes / r.commands).toFixed(0).padStart(9)}  ${marginal.padStart(18)}  ${r.lastResultBytes} B`,
  );
  prev = r;
}
await stop();
