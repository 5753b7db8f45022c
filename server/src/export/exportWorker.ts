import { parentPort } from 'node:worker_threads';
import type { ExportInput } from './model';
import { renderExport, type ExportFormat } from './render';

/** A render asked of an export worker, one at a time. */
export interface ExportJob {
  format: ExportFormat;
  input: ExportInput;
}

export type ExportReply = { ok: true; body: string | Uint8Array } | { ok: false; message: string };

// the worker's side: renders each job it is sent and answers it (no transfer: pdfkit's buffers may share a pool)
parentPort?.on('message', (job: ExportJob) => {
  renderExport(job.format, job.input).then(
    (body) => parentPort!.postMessage({ ok: true, body } satisfies ExportReply),
    (err: unknown) => parentPort!.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) } satisfies ExportReply),
  );
});
// the renderers are loaded: the pool may send work, and time it
parentPort?.postMessage('ready');
