import { cleanText } from '../schema/text';

/** Encoding detection for imported files: BOMs first, then strict UTF-8, else Windows-1252. */
export type DetectedEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export class ImportFileError extends Error {
  constructor(
    message: string,
    readonly code: 'empty' | 'binary' | 'no_header' | 'malformed' | 'too_large' | 'aborted',
  ) {
    super(message);
    this.name = 'ImportFileError';
  }
}

export function detectEncoding(bytes: Uint8Array): { encoding: DetectedEncoding; bom: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { encoding: utf16, bom: 0 };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { encoding: 'utf-8', bom: 0 };
  } catch {
    // Not valid UTF-8: Outlook and Excel on Windows write Windows-1252 (a superset of Latin-1's printables).
    return { encoding: 'windows-1252', bom: 0 };
  }
}

/**
 * UTF-16 written without a BOM (some exporters do): text in Latin scripts then has a zero byte in every other
 * position — the high byte of each character. Read as UTF-8 it would be a NUL between every letter.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 4) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  if (zeroOdd > pairs * 0.4 && zeroEven < pairs * 0.1) return 'utf-16le';
  if (zeroEven > pairs * 0.4 && zeroOdd < pairs * 0.1) return 'utf-16be';
  return null;
}

/**
 * Binary content (a spreadsheet, a PDF) has control bytes of every kind; a text export may still carry a few stray
 * NULs (they are cleaned out), so those count only when they are many.
 */
function looksBinary(bytes: Uint8Array, encoding: DetectedEncoding): boolean {
  if (encoding.startsWith('utf-16')) return false;
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  let nul = 0;
  for (const b of sample) {
    if (b === 0) nul++;
    else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control > sample.length * 0.01 || nul > sample.length * 0.1;
}

export interface DecodedText {
  text: string;
  encoding: DetectedEncoding;
}

/** Decodes a file's bytes to text without its BOM; throws ImportFileError for empty or binary content. */
export function decodeBytes(input: ArrayBuffer | Uint8Array): DecodedText {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const { encoding, bom } = detectEncoding(bytes);
  if (bytes.length - bom === 0) throw new ImportFileError('The file is empty.', 'empty');
  if (looksBinary(bytes, encoding)) {
    throw new ImportFileError('This is not a text (CSV) file: it contains binary data.', 'binary');
  }
  // Cleaned here too, not only by the schema: column names and the values matched on (e-mails, ids) come from it.
  const text = cleanText(new TextDecoder(encoding).decode(bytes.subarray(bom)));
  if (text.trim() === '') throw new ImportFileError('The file is empty.', 'empty');
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding };
}
