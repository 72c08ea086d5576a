import type { EntityInput, EntityName, Interaction, InteractionInput } from '../../schema';
import { BASE_KEYS } from '../../schema';
import { findInteractionBySource, insert, logInteraction, remove, update, getLive } from '../../db';

function fieldsOf<T extends object>(record: T): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) if (!(BASE_KEYS as readonly string[]).includes(k)) out[k] = v;
  return out;
}

export interface Undoable<T> {
  value: T;
  created: boolean;
  undo: () => Promise<void>;
}

/**
 * Logs through logInteraction and returns how to take it back: delete what was created, or restore the
 * fields the interaction had before this log updated it.
 */
export async function logWithUndo(input: InteractionInput): Promise<Undoable<Interaction>> {
  const before = input.source ? await findInteractionBySource(input.source.site, input.source.ref) : undefined;
  const { interaction, created } = await logInteraction(input);
  const undo = created
    ? () => remove('interactions', interaction.id)
    : async () => {
        await update('interactions', interaction.id, fieldsOf(before!) as Partial<InteractionInput>);
      };
  return { value: interaction, created, undo };
}

/** Inserts a record; undo tombstones it. */
export async function insertWithUndo<N extends EntityName>(name: N, input: EntityInput<N> & { id?: string }) {
  const value = await insert(name, input);
  return { value, created: true, undo: () => remove(name, (value as { id: string }).id) };
}

/** Updates a record; undo puts back the previous values of the fields that changed. */
export async function updateWithUndo<N extends EntityName>(name: N, id: string, patch: Partial<EntityInput<N>>) {
  const before = await getLive(name, id);
  const value = await update(name, id, patch);
  const previous: Record<string, unknown> = {};
  if (before) for (const k of Object.keys(patch)) previous[k] = (before as Record<string, unknown>)[k];
  return { value, created: false, undo: async () => void (await update(name, id, previous as Partial<EntityInput<N>>)) };
}
