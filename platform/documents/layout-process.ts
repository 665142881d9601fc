// The layout process: lays out documents for the process that started it (platform/documents/pdf.ts), one at a
// time, over its IPC channel; exits when that channel closes (its parent has gone, however it went).
import { layoutPdf } from './typst.js';

interface Job {
  id: number;
  data: object;
}

process.on('message', (job: Job) => {
  try {
    process.send!({ id: job.id, pdf: layoutPdf(job.data) });
  } catch (err) {
    process.send!({ id: job.id, error: err instanceof Error ? err.message : String(err) });
  }
});
process.on('disconnect', () => process.exit(0));
