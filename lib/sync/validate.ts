import { ENTITIES, BASE_KEYS, type EntityName } from '../schema';

export interface FieldIssue {
  path: string;
  message: string;
}

type Parser = { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } };

function shapeOf(entity: EntityName): Record<string, Parser> {
  return (ENTITIES[entity].record as unknown as { shape: Record<string, Parser> }).shape;
}

const BASE = new Set<string>(BASE_KEYS);

function check(parser: Parser, key: string, value: unknown, out: FieldIssue[]): void {
  const r = parser.safeParse(value);
  if (!r.success) {
    for (const issue of r.error?.issues ?? []) {
      out.push({ path: [key, ...issue.path.map(String)].join('.'), message: issue.message });
    }
  }
}

/**
 * Checks each given field against the entity schema's own field schema. Used on pushed changes, which may carry
 * only the fields that changed. Cross-field rules are not checked here: two valid concurrent edits can merge into a
 * record that breaks one, and refusing the second would keep replicas apart.
 */
export function fieldIssues(entity: EntityName, fields: Record<string, unknown>): FieldIssue[] {
  const shape = shapeOf(entity);
  const out: FieldIssue[] = [];
  for (const [key, value] of Object.entries(fields)) {
    const parser = shape[key];
    if (!parser || BASE.has(key)) out.push({ path: key, message: `unknown field of ${entity}` });
    else check(parser, key, value, out);
  }
  return out;
}

/** Every field of the schema present and valid (cross-field rules aside): the record can be shown locally. */
export function isCompleteRecord(entity: EntityName, record: Record<string, unknown>): boolean {
  const shape = shapeOf(entity);
  const out: FieldIssue[] = [];
  for (const [key, parser] of Object.entries(shape)) {
    check(parser, key, record[key], out);
    if (out.length) return false;
  }
  return true;
}
