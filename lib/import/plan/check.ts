import { ENTITIES, type EntityName } from '../../schema';

/**
 * Parses with the entity's input schema (the input object strips unknown keys, keeps a pre-assigned id);
 * contacts also get the record-level rule "a name or an email". The reason names the field and value.
 */
export function check(entity: EntityName, input: object): { ok: true; data: Record<string, unknown> } | { ok: false; reason: string } {
  const r = ENTITIES[entity].input.safeParse(input);
  let issues: { path: PropertyKey[]; message: string; format?: string }[] = [];
  if (r.success) {
    const data = r.data as Record<string, unknown>;
    if (entity === 'contacts' && !hasNameOrEmail(data)) {
      issues = [{ path: ['lastName'], message: 'a contact needs a name or an email' }];
    } else {
      if ('id' in input) data.id = (input as { id: string }).id;
      return { ok: true, data };
    }
  } else issues = r.error.issues as typeof issues;
  const valueAt = (path: PropertyKey[]): unknown => path.reduce<unknown>((o, k) => (o as Record<PropertyKey, unknown> | null)?.[k], input);
  return {
    ok: false,
    reason: issues
      .map((i) => {
        const v = valueAt(i.path);
        const shown = typeof v === 'string' && v !== '' ? ` ("${v.slice(0, 80)}")` : '';
        const fmt = i.format;
        const message = i.message === 'Invalid input' && fmt ? `not a valid ${fmt === 'email' ? 'email address' : fmt}` : i.message;
        return `${i.path.map(String).join('.') || entity}: ${message}${shown}`;
      })
      .join('; '),
  };
}

function hasNameOrEmail(c: Record<string, unknown>): boolean {
  return (c.firstName as string).trim() !== '' || (c.lastName as string).trim() !== '' || (c.emails as string[]).length > 0;
}
