/**
 * Merge-field rendering. A template is plain text with fields in double braces:
 *   {{firstName}}                  the value, or nothing when it is empty (reported as a warning)
 *   {{firstName|there}}            the value, or "there" when it is empty
 *   {{daysToRenewal:# day|# days}} the form for the number's plural category in the template's language
 *                                  (Intl.PluralRules: French 0 and 1 take the first form, English only 1); # is the number
 * Dates, amounts and numbers are written in the template's locale. Output is text for a compose window, never markup.
 */
import { formatDateIn, formatMoneyIn, formatNumberIn } from '../i18n/format';
import { FIELD_KIND, fieldValues, isMergeField, type FieldValue, type MergeFacts, type MergeField, type Money } from './merge-fields';

export interface RenderOptions {
  /** BCP 47 locale the message is written in (see localeForLang). */
  locale: string;
  now: Date;
}

export type IssueKind = 'empty' | 'unknown' | 'not_a_number';
export interface RenderIssue {
  field: string;
  kind: IssueKind;
  /** What the message shows in the field's place ('' = nothing). */
  shows: string;
}
export interface Rendered {
  text: string;
  issues: RenderIssue[];
  /** The known fields the text uses, in order of first use. */
  fields: MergeField[];
}

type Token = { kind: 'text'; text: string } | { kind: 'field'; raw: string; name: string; fallback: string | null; forms: string[] | null };

const NAME = /^[A-Za-z][A-Za-z0-9]*$/;
const MAX_TOKEN = 500;

/** Splits a template into literal text and fields; anything that is not a well-formed field stays literal. */
export function parseTemplate(source: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let literal = '';
  while (i < source.length) {
    const open = source.indexOf('{{', i);
    if (open < 0) break;
    const close = source.indexOf('}}', open + 2);
    if (close < 0 || close - open > MAX_TOKEN) break;
    const inner = source.slice(open + 2, close);
    const field = parseField(inner);
    if (!field) {
      // Not a field: keep one brace and look again from the next one ("{{{firstName}}}" → "{" + field + "}").
      literal += source.slice(i, open + 1);
      i = open + 1;
      continue;
    }
    literal += source.slice(i, open);
    if (literal) out.push({ kind: 'text', text: literal });
    literal = '';
    out.push({ ...field, raw: source.slice(open, close + 2) });
    i = close + 2;
  }
  literal += source.slice(i);
  if (literal) out.push({ kind: 'text', text: literal });
  return out;
}

function parseField(inner: string): Omit<Extract<Token, { kind: 'field' }>, 'raw'> | null {
  const colon = inner.indexOf(':');
  const bar = inner.indexOf('|');
  if (colon >= 0 && (bar < 0 || colon < bar)) {
    const name = inner.slice(0, colon).trim();
    if (!NAME.test(name)) return null;
    return {
      kind: 'field',
      name,
      fallback: null,
      forms: inner
        .slice(colon + 1)
        .split('|')
        .map((f) => f.trim()),
    };
  }
  const name = (bar < 0 ? inner : inner.slice(0, bar)).trim();
  if (!NAME.test(name)) return null;
  return { kind: 'field', name, fallback: bar < 0 ? null : inner.slice(bar + 1).trim(), forms: null };
}

const isMoney = (v: FieldValue): v is Money => typeof v === 'object' && v !== null;

function formatValue(field: MergeField, v: Exclude<FieldValue, null>, locale: string): string {
  switch (FIELD_KIND[field]) {
    case 'date':
      return formatDateIn(locale, String(v), 'long');
    case 'money':
      return isMoney(v) ? formatMoneyIn(locale, v.amount, v.currency) : String(v);
    case 'number':
      return typeof v === 'number' ? formatNumberIn(locale, v) : String(v);
    default:
      return String(v);
  }
}

const pluralRules = new Map<string, Intl.PluralRules>();
function pluralForm(forms: string[], n: number, locale: string): string {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  const one = forms[0] ?? '';
  const other = forms[1] ?? one;
  return rules.select(n) === 'one' ? one : other;
}

const TRAILING_SPACE = /[ \t\u00a0\u202f]+$/;
const STARTS_WITH_PUNCT = /^[ \u00a0\u202f]?[,.;:!?)»]/;

/** Renders one text (a subject or a body) with values already computed by fieldValues. */
export function renderText(source: string, values: Record<MergeField, FieldValue>, opts: Pick<RenderOptions, 'locale'>): Rendered {
  const issues: RenderIssue[] = [];
  const fields: MergeField[] = [];
  let text = '';
  let emptyBefore = false;
  const note = (issue: RenderIssue) => {
    if (!issues.some((x) => x.field === issue.field && x.kind === issue.kind)) issues.push(issue);
  };
  for (const tok of parseTemplate(source)) {
    if (tok.kind === 'text') {
      // An empty field leaves no gap before punctuation: "Hello {{firstName}}," → "Hello,".
      if (emptyBefore && STARTS_WITH_PUNCT.test(tok.text)) text = text.replace(TRAILING_SPACE, '');
      text += tok.text;
      emptyBefore = false;
      continue;
    }
    if (!isMergeField(tok.name)) {
      note({ field: tok.name, kind: 'unknown', shows: tok.raw });
      text += tok.raw;
      emptyBefore = false;
      continue;
    }
    const field = tok.name;
    if (!fields.includes(field)) fields.push(field);
    const v = values[field];
    let piece: string;
    if (tok.forms) {
      if (v === null || v === undefined) {
        piece = '';
        note({ field, kind: 'empty', shows: '' });
      } else if (typeof v !== 'number') {
        piece = '';
        note({ field, kind: 'not_a_number', shows: '' });
      } else {
        piece = pluralForm(tok.forms, v, opts.locale).replace(/#/g, formatValue(field, v, opts.locale));
      }
    } else if (v === null || v === undefined) {
      piece = tok.fallback ?? '';
      if (tok.fallback === null) note({ field, kind: 'empty', shows: '' });
    } else {
      piece = formatValue(field, v, opts.locale);
    }
    if (piece === '') {
      emptyBefore = true;
    } else {
      text += piece;
      emptyBefore = false;
    }
  }
  if (emptyBefore) text = text.replace(TRAILING_SPACE, '');
  return { text, issues, fields };
}

export interface RenderedMessage {
  subject: string;
  body: string;
  issues: RenderIssue[];
  fields: MergeField[];
}

/** Subject and body for one recipient; issues from both, each field once per kind. */
export function renderMessage(content: { subject: string; body: string }, facts: MergeFacts, opts: RenderOptions): RenderedMessage {
  const values = fieldValues(facts, opts.now);
  const s = renderText(content.subject, values, opts);
  const b = renderText(content.body, values, opts);
  const issues = [...s.issues];
  for (const i of b.issues) if (!issues.some((x) => x.field === i.field && x.kind === i.kind)) issues.push(i);
  const fields = [...s.fields, ...b.fields.filter((f) => !s.fields.includes(f))];
  return { subject: s.text.replace(/\s+/g, ' ').trim(), body: b.text.replace(/\s+$/, ''), issues, fields };
}
