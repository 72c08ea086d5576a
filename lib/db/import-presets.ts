import * as z from 'zod/mini';
import { uuidv7 } from 'uuidv7';
import { ValidationError } from '../schema';
import { getDb, type ImportPreset } from './db';

/** The user's saved column mappings (source column → Carnet field), offered by the importer's detection. */
export const ImportPresetInput = z.object({
  id: z.optional(z.string()),
  name: z.string().check(z.minLength(1), z.maxLength(100)),
  target: z.enum(['contacts', 'accounts', 'orders', 'tickets', 'deals', 'campaigns']),
  mapping: z.record(z.string().check(z.maxLength(300)), z.string().check(z.maxLength(64))),
});

export async function listImportPresets(): Promise<ImportPreset[]> {
  return getDb().importPresets.orderBy('name').toArray();
}

export async function saveImportPreset(input: z.input<typeof ImportPresetInput>): Promise<ImportPreset> {
  const r = ImportPresetInput.safeParse(input);
  if (!r.success) throw ValidationError.from('importPresets', r.error);
  const preset: ImportPreset = { ...r.data, id: r.data.id ?? uuidv7() };
  await getDb().importPresets.put(preset);
  return preset;
}

export async function deleteImportPreset(id: string): Promise<void> {
  await getDb().importPresets.delete(id);
}
