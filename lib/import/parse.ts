import Papa from 'papaparse';
import { ImportFileError } from './decode';

export interface CsvRow {
  /** Physical line (1-based) where the record starts, counting line breaks inside quoted fields. */
  line: number;
  cells: string[];
}

export interface ParsedCsv {
  /** Header cells, trimmed; a repeated name gets " (2)", " (3)" so every column has its own key. */
  header: string[];
  rows: CsvRow[];
  delimiter: string;
  /** Physical line of the header row (1-based); lines before it were a preamble. */
  headerLine: number;
  /** The preamble's lines as text (a report's title, date range, account): at most 30, each cut at 300 characters. */
  preamble?: string[];
}

export interface ParseOptions {
  signal?: AbortSignal;
  /** 0..1 share of the text read so far. */
  onProgress?: (done: number) => void;
  /** Streamed batches of data rows, as they are read. */
  onChunk?: (rows: CsvRow[]) => void;
  chunkRows?: number;
  /** True when these cells are a header some preset knows (preamble skipping prefers such a row). */
  isKnownHeader?: (cells: string[]) => boolean;
}

const DELIMITERS = [',', ';', '\t', '|'] as const;
const PREVIEW_ROWS = 60;

function abortError(): ImportFileError {
  return new ImportFileError('The import was cancelled.', 'aborted');
}

function nonEmpty(cells: string[]): number {
  return cells.filter((c) => c.trim() !== '').length;
}

function previewRows(text: string, delimiter: string): string[][] {
  const head = text.slice(0, 256 * 1024);
  return Papa.parse<string[]>(head, { delimiter, preview: PREVIEW_ROWS, skipEmptyLines: false }).data;
}

/** The delimiter whose most frequent field count (> 1) covers the most preview rows. */
export function detectDelimiter(text: string): string {
  let best: { d: string; score: number } = { d: ',', score: -1 };
  for (const d of DELIMITERS) {
    const rows = previewRows(text, d).filter((r) => nonEmpty(r) > 0);
    const freq = new Map<number, number>();
    for (const r of rows) if (r.length > 1) freq.set(r.length, (freq.get(r.length) ?? 0) + 1);
    let score = 0;
    for (const [len, n] of freq) score = Math.max(score, n * 1000 + len);
    if (score > best.score) best = { d, score };
  }
  return best.d;
}

/** A header cell is a short label, not a number or date. */
function labelLike(cell: string): boolean {
  const c = cell.trim();
  return c !== '' && c.length <= 120 && !/^[-+]?[\d\s.,/:]+$/.test(c);
}

/** At least two cells, nearly all of them labels. */
function headerLike(r: string[]): boolean {
  const labels = r.filter(labelLike).length;
  return labels >= 2 && labels >= nonEmpty(r) * 0.8;
}

/**
 * Index of the header among the preview rows: the first row a preset recognises (unless an earlier row of labels
 * spans the same table), else the first row with ≥ 2 label-like cells followed by rows of about the same width.
 */
export function findHeaderIndex(rows: string[][], isKnownHeader?: (cells: string[]) => boolean): number {
  if (isKnownHeader) {
    const known = rows.findIndex((r) => nonEmpty(r) >= 2 && isKnownHeader(r.map((c) => c.trim())));
    // A row before it that names most of the table's columns is the header itself (in a layout no preset knows, a
    // UI language say); the "known" row is data that happens to read like column names. A preamble is narrower.
    const width = known >= 0 ? rows[known]!.length : 0;
    const earlier = rows.slice(0, Math.max(known, 0)).findIndex((r) => r.length === width && headerLike(r) && nonEmpty(r) >= width * 0.5);
    if (earlier >= 0) return earlier;
    if (known >= 0) return known;
  }
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (!headerLike(r)) continue;
    const next = rows
      .slice(i + 1)
      .filter((x) => nonEmpty(x) > 0)
      .slice(0, 3);
    if (next.length === 0 || next.every((x) => Math.abs(x.length - r.length) <= 1)) return i;
  }
  return -1;
}

function uniqueHeader(cells: string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((c) => {
    const name = c.trim();
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name} (${n})`;
  });
}

/**
 * Parses CSV text: delimiter detection, preamble skipping, quoted multi-line fields, physical line numbers.
 * Synchronous under the hood (papaparse step mode); run it in lib/import/worker.ts for big files.
 */
export function parseCsv(text: string, opts: ParseOptions = {}): ParsedCsv {
  if (opts.signal?.aborted) throw abortError();
  if (text.trim() === '') throw new ImportFileError('The file is empty.', 'empty');
  const delimiter = detectDelimiter(text);
  const headerIndex = findHeaderIndex(previewRows(text, delimiter), opts.isKnownHeader);
  if (headerIndex < 0) {
    throw new ImportFileError('No header row found: the first lines must name the columns (for example "First Name,Last Name,Email").', 'no_header');
  }

  const rows: CsvRow[] = [];
  let header: string[] = [];
  let headerLine = 0;
  let index = 0;
  let prevCursor = 0;
  let scanned = 0;
  let line = 1;
  let chunk: CsvRow[] = [];
  const chunkRows = opts.chunkRows ?? 2000;
  let failure: ImportFileError | null = null;

  const lineAt = (offset: number): number => {
    for (; scanned < offset; scanned++) {
      const ch = text.charCodeAt(scanned);
      if (ch === 10 || (ch === 13 && text.charCodeAt(scanned + 1) !== 10)) line++;
    }
    return line;
  };

  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (result, parser) => {
      const start = prevCursor;
      prevCursor = result.meta.cursor;
      const quoteError = result.errors.find((e) => e.type === 'Quotes');
      if (quoteError) {
        failure = new ImportFileError(
          `Line ${lineAt(start)}: a quoted field is never closed (missing closing quote); the file looks truncated or malformed.`,
          'malformed',
        );
        parser.abort();
        return;
      }
      const cells = result.data;
      const i = index++;
      if (i < headerIndex) return;
      if (i === headerIndex) {
        header = uniqueHeader(cells);
        headerLine = lineAt(start);
        return;
      }
      if (nonEmpty(cells) === 0) return;
      const padded = cells.length >= header.length ? cells : [...cells, ...Array<string>(header.length - cells.length).fill('')];
      const row = { line: lineAt(start), cells: padded };
      rows.push(row);
      if (opts.onChunk) chunk.push(row);
      if (rows.length % chunkRows === 0) {
        if (opts.signal?.aborted) {
          failure = abortError();
          parser.abort();
          return;
        }
        opts.onProgress?.(prevCursor / text.length);
        if (opts.onChunk) {
          opts.onChunk(chunk);
          chunk = [];
        }
      }
    },
  });
  if (failure) throw failure;
  if (opts.onChunk && chunk.length) opts.onChunk(chunk);
  opts.onProgress?.(1);
  const preamble = headerLine > 1 ? text.split(/\r\n|\n|\r/, Math.min(headerLine - 1, 30)).map((l) => l.slice(0, 300)) : [];
  return { header, rows, delimiter, headerLine, preamble };
}
