import { listImportPresets } from '../db/import-presets';
import { decodeBytes, type DetectedEncoding } from './decode';
import { parseCsv, type ParsedCsv } from './parse';
import { detectPreset, isKnownHeader, presetById, resolveMapping, type Detection, type Mapping } from './presets';
import { buildPlan, type ImportPlan, type PlanOptions } from './plan';

export * from './decode';
export * from './parse';
export * from './presets';
export * from './plan';
export * from './commit';
export * from './csv-export';

export interface AnalyzedFile {
  encoding: DetectedEncoding;
  parsed: ParsedCsv;
  detection: Detection;
}

/** Step 1 of the import screen: decode, parse and recognise the file (shows preset, confidence, mapping). */
export async function analyzeFile(
  bytes: ArrayBuffer | Uint8Array,
  opts: { signal?: AbortSignal; onProgress?: (done: number) => void } = {},
): Promise<AnalyzedFile> {
  const { text, encoding } = decodeBytes(bytes);
  const saved = await listImportPresets();
  const parsed = parseCsv(text, { ...opts, isKnownHeader });
  return { encoding, parsed, detection: detectPreset(parsed.header, saved) };
}

/** Step 2: the dry run under the detected (or user-chosen) preset and mapping. */
export async function planFile(file: AnalyzedFile, choice: { presetId?: string; mapping?: Mapping } = {}, opts: PlanOptions = {}): Promise<ImportPlan> {
  const saved = await listImportPresets();
  const preset = (choice.presetId && presetById(choice.presetId, saved)) || file.detection.preset;
  const mapping = choice.mapping ?? (preset === file.detection.preset ? file.detection.mapping : resolveMapping(preset, file.parsed.header));
  return buildPlan(file.parsed, preset, mapping, opts);
}
