import { renderDocx } from './docx';
import { renderMarkdown } from './markdown';
import type { ExportInput } from './model';
import { neutralizeAll } from './neutralize';
import { renderPdf } from './pdf';

/** The communiqué's export formats: content type and renderer. */
export const EXPORT_FORMATS = {
  md: { type: 'text/markdown; charset=utf-8', render: (input: ExportInput): Promise<string | Buffer> => Promise.resolve(renderMarkdown(input)) },
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', render: renderDocx },
  pdf: { type: 'application/pdf', render: (input: ExportInput) => renderPdf(input) },
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;

export const isExportFormat = (f: string): f is ExportFormat => Object.hasOwn(EXPORT_FORMATS, f);

/** Renders the communiqué in `format`, participants' text neutralised first (K12). */
export function renderExport(format: ExportFormat, input: ExportInput): Promise<string | Buffer> {
  return EXPORT_FORMATS[format].render(neutralizeAll(input));
}
