/**
 * Text as every store can keep it. PostgreSQL refuses a NUL character in text and jsonb, and a lone UTF-16
 * surrogate is not Unicode (JSON encoders and the database choke on it): both are cleaned wherever text enters
 * Carnet — the schema's text fields (so the write path, imports, backups and the server all clean the same way)
 * and decoded files.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const NUL = /\u0000/g;

/** Without NUL characters, lone surrogates replaced by U+FFFD; the same string (no copy) when already clean. */
export function cleanText(s: string): string {
  let out = s.indexOf('\u0000') === -1 ? s : s.replace(NUL, '');
  if (!out.isWellFormed()) out = out.toWellFormed();
  return out;
}

/** True when a store can keep the string as it is. */
export function isStorableText(s: string): boolean {
  return s.indexOf('\u0000') === -1 && s.isWellFormed();
}

/**
 * The path of the first string (key or value) in a JSON-like value that cannot be stored, or null. Depth is
 * bounded by the caller (values here come out of a schema parse).
 */
export function unstorablePath(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return isStorableText(value) ? null : path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = unstorablePath(value[i], path ? `${path}.${i}` : String(i));
      if (p !== null) return p;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const here = path ? `${path}.${k}` : k;
      if (!isStorableText(k)) return here;
      const p = unstorablePath(v, here);
      if (p !== null) return p;
    }
  }
  return null;
}

/**
 * Whether JSON text nests arrays and objects deeper than `limit`, read without parsing it: a deeply nested body is
 * refused before any recursive code (a schema, a database's JSON parser) can run out of stack on it.
 */
export function exceedsJsonDepth(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}
