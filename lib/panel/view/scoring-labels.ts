/** Human text for what the scoring library emits: reasons, action types, segment keys (FR/EN, current language). */
import { formatDate, formatMonth, formatNumber } from '../../i18n/format';
import { t, translate, type Lang, type MessageKey } from '../../i18n';
import { CATALOGUES } from '../../i18n';

type Reason = { key: string; params?: Record<string, string | number> };

const reasonKey = (key: string) => `scoring.reason.${key}` as MessageKey;
const has = (key: string) => Object.hasOwn(CATALOGUES.en, key);

/** Params as shown: shares as whole percents, money amounts rounded; agency figures and months in the locale's format. */
function displayParams(params: Record<string, string | number> = {}, key = ''): Record<string, string | number> {
  const out: Record<string, string | number> = { ...params };
  if (key.startsWith('agency_')) {
    for (const [k, v] of Object.entries(out)) if (typeof v === 'number' && k !== 'percent') out[k] = formatNumber(v, 2);
    if (typeof out.month === 'string' && /^\d{4}-\d{2}$/.test(out.month)) out.month = formatMonth(out.month);
    if (typeof out.months === 'string')
      out.months = out.months
        .split(', ')
        .map((m) => (/^\d{4}-\d{2}$/.test(m) ? formatMonth(m, 'short') : m))
        .join(', ');
  }
  if (typeof out.share === 'number') out.share = Math.round(out.share * 100);
  for (const k of ['spend_last_180d', 'spend_prior_180d'] as const) if (typeof out[k] === 'number') out[k] = Math.round(out[k]);
  for (const k of ['date', 'from', 'to'] as const) if (typeof out[k] === 'string' && /^\d{4}-\d{2}-\d{2}/.test(out[k])) out[k] = formatDate(out[k]);
  return out;
}

/** One-line explanation of a churn or action reason, e.g. "No contact for 47 days". Unknown keys show as-is. */
export function describeReason(reason: Reason, lang?: Lang): string {
  const key = reasonKey(reason.key);
  if (!has(key)) return reason.key;
  const params = displayParams(reason.params, reason.key);
  return lang ? translate(lang, key, params) : t(key, params);
}

export function actionLabel(type: string, lang?: Lang): string {
  const key = `scoring.action.${type}` as MessageKey;
  if (!has(key)) return type;
  return lang ? translate(lang, key) : t(key);
}

/** Title of the task an action creates ("Call ACME: churn risk"). */
export function actionTaskTitle(type: string, accountName: string, lang?: Lang): string {
  const key = `scoring.task.${type}` as MessageKey;
  if (!has(key)) return `${actionLabel(type, lang)} (${accountName})`;
  return lang ? translate(lang, key, { account: accountName }) : t(key, { account: accountName });
}

export type SegmentKind = 'rfm' | 'lifecycle' | 'tier' | 'value' | 'tag' | 'user';

export function segmentKind(key: string): SegmentKind {
  const prefix = key.split(':', 1)[0]!;
  return prefix === 'rfm' || prefix === 'lifecycle' || prefix === 'tier' || prefix === 'value' || prefix === 'tag' ? prefix : 'user';
}

/**
 * Label of a segment key: built-in keys (`rfm:champions`, `lifecycle:at_risk`, `tier:key`, `value:high`, `tag:vip`)
 * are translated; any other key is a user segment id, shown by its name (or the id if unknown).
 */
export function segmentLabel(key: string, userSegments?: ReadonlyMap<string, { name: string }> | readonly { id: string; name: string }[], lang?: Lang): string {
  const tr = (k: string) => (has(k) ? (lang ? translate(lang, k as MessageKey) : t(k as MessageKey)) : null);
  const kind = segmentKind(key);
  const rest = key.slice(key.indexOf(':') + 1);
  switch (kind) {
    case 'rfm':
      return tr(`scoring.rfm.${rest}`) ?? rest;
    case 'lifecycle':
      return tr(`scoring.lifecycle.${rest}`) ?? rest;
    case 'tier':
      return tr(`tier.${rest}`) ?? rest;
    case 'value':
      return tr(`scoring.value.${rest}`) ?? rest;
    case 'tag':
      return `#${rest}`;
    default: {
      if (!userSegments) return key;
      const found = userSegments instanceof Map ? userSegments.get(key) : (userSegments as readonly { id: string; name: string }[]).find((s) => s.id === key);
      return found?.name ?? key;
    }
  }
}

export function segmentKindLabel(kind: SegmentKind): string {
  return t(`scoring.segmentKind.${kind}` as MessageKey);
}
