import { insert, remove, update } from '../../db';
import type { SegmentInput } from '../../schema';

/** Saves a user segment (new when it has no id). */
export async function saveSegment(id: string | undefined, input: SegmentInput): Promise<void> {
  if (id) await update('segments', id, input);
  else await insert('segments', input);
}

export function deleteSegment(id: string): Promise<void> {
  return remove('segments', id);
}
