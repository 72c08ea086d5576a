import { useEffect, useMemo, useState } from 'preact/hooks';
import { t, type MessageKey } from '@/lib/i18n';
import { liveSegments, segmentCounts } from '@/lib/panel/queries/segments';
import { saveSegment, deleteSegment } from '@/lib/panel/commands/segments';
import { RuleGroup, RuleOperator, type RuleCondition } from '@/lib/schema/segment';
import { FACT_FIELDS, evaluateRule, hasConditions, type AccountFacts } from '@/lib/scoring/rules';
import { currentFacts, factsVersion } from '@/lib/panel/scoring';
import { useLiveQuery } from '@/lib/panel/live';

type Group = RuleGroup;
type Rule = RuleCondition | Group;
const OPERATORS = RuleOperator.options as readonly RuleCondition['operator'][];
const isGroup = (r: Rule): r is Group => 'op' in r;
const newCondition = (): RuleCondition => ({ field: 'churnProbability', operator: 'gte', value: 0.5 });

/** Text typed by the user → a rule value: numbers and booleans recognised, comma lists for "is one of". */
export function parseRuleValue(text: string, operator: RuleCondition['operator']): RuleCondition['value'] {
  const one = (s: string): string | number => (s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : s.trim());
  if (operator === 'in')
    return text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map(one);
  const s = text.trim();
  if (s === '') return null;
  if (s === 'true' || s === 'false') return s === 'true';
  return one(s);
}
const showValue = (v: RuleCondition['value']) => (v === null ? '' : Array.isArray(v) ? v.join(', ') : String(v));

function ConditionEditor({ value, onChange, onRemove }: { value: RuleCondition; onChange: (c: RuleCondition) => void; onRemove: () => void }) {
  const [raw, setRaw] = useState(showValue(value.value));
  return (
    <div class="condition" role="group" aria-label={t('segments.field')}>
      <select aria-label={t('segments.field')} value={value.field} onChange={(e) => onChange({ ...value, field: (e.target as HTMLSelectElement).value })}>
        {FACT_FIELDS.map((f) => (
          <option value={f}>{f}</option>
        ))}
      </select>
      <select
        aria-label={t('segments.operator')}
        value={value.operator}
        onChange={(e) => {
          const operator = (e.target as HTMLSelectElement).value as RuleCondition['operator'];
          onChange({ ...value, operator, value: parseRuleValue(raw, operator) });
        }}
      >
        {OPERATORS.map((o) => (
          <option value={o}>{t(`segments.op.${o}` as MessageKey)}</option>
        ))}
      </select>
      <input
        aria-label={t('segments.value')}
        value={raw}
        onInput={(e) => {
          const text = (e.target as HTMLInputElement).value;
          setRaw(text);
          onChange({ ...value, value: parseRuleValue(text, value.operator) });
        }}
      />
      <button type="button" class="icon-button" onClick={onRemove} aria-label={t('segments.remove')}>
        ×
      </button>
    </div>
  );
}

function GroupEditor({ group, onChange, onRemove, depth }: { group: Group; onChange: (g: Group) => void; onRemove?: () => void; depth: number }) {
  const set = (i: number, r: Rule) => onChange({ ...group, rules: group.rules.map((x, j) => (j === i ? r : x)) });
  const drop = (i: number) => onChange({ ...group, rules: group.rules.filter((_, j) => j !== i) });
  return (
    <fieldset class="rule-group">
      <legend>
        <select
          aria-label={t('segments.operator')}
          value={group.op}
          onChange={(e) => onChange({ ...group, op: (e.target as HTMLSelectElement).value as Group['op'] })}
        >
          <option value="and">{t('segments.and')}</option>
          <option value="or">{t('segments.or')}</option>
        </select>
        {onRemove && (
          <button type="button" class="icon-button" onClick={onRemove} aria-label={t('segments.remove')}>
            ×
          </button>
        )}
      </legend>
      {group.rules.map((r, i) =>
        isGroup(r) ? (
          <GroupEditor group={r} depth={depth + 1} onChange={(g) => set(i, g)} onRemove={() => drop(i)} />
        ) : (
          <ConditionEditor key={`${depth}-${i}-${group.rules.length}`} value={r} onChange={(c) => set(i, c)} onRemove={() => drop(i)} />
        ),
      )}
      <div class="action-buttons">
        <button type="button" class="secondary" onClick={() => onChange({ ...group, rules: [...group.rules, newCondition()] })}>
          {t('segments.addCondition')}
        </button>
        {depth < 3 && (
          <button type="button" class="secondary" onClick={() => onChange({ ...group, rules: [...group.rules, { op: 'or', rules: [newCondition()] }] })}>
            {t('segments.addGroup')}
          </button>
        )}
      </div>
    </fieldset>
  );
}

/** Counts the accounts whose last-run facts satisfy the rule; null when the rule is invalid. */
export function countMatching(rule: unknown, facts: Iterable<AccountFacts>, now = new Date()): { count: number } | { error: string } {
  const parsed = RuleGroup.safeParse(rule);
  if (!parsed.success) return { error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  if (!hasConditions(parsed.data)) return { count: 0 };
  let count = 0;
  for (const f of facts) if (evaluateRule(parsed.data, f, now)) count++;
  return { count };
}

/** Saved segments (list, edit, delete) and an editor with a live count of matching accounts. */
export function SegmentBuilder() {
  const segments = useLiveQuery(liveSegments, []);
  const counts = useLiveQuery(segmentCounts, []);
  const [editing, setEditing] = useState<{ id?: string; name: string; rule: Group } | null>(null);
  const [facts, setFacts] = useState<AccountFacts[] | null>(null);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const version = factsVersion.value;
  useEffect(() => {
    if (!editing) return;
    let live = true;
    void currentFacts().then((f) => live && setFacts([...f.values()]));
    return () => {
      live = false;
    };
  }, [!!editing, version]);
  const preview = useMemo(() => (editing && facts ? countMatching(editing.rule, facts) : null), [editing, facts]);

  const save = async () => {
    if (!editing) return;
    try {
      const input = { name: editing.name.trim(), rule: editing.rule };
      await saveSegment(editing.id, input);
      setEditing(null);
      setMessage({ text: t('segments.saved') });
    } catch (e) {
      setMessage({ text: t('segments.invalid', { message: (e as Error).message }), error: true });
    }
  };

  return (
    <section class="segments" aria-labelledby="segments-title" data-testid="segment-builder">
      <h3 id="segments-title">{t('segments.title')}</h3>
      {segments.value?.length === 0 && <p class="muted">{t('segments.none')}</p>}
      <ul class="plain">
        {segments.value?.map((s) => (
          <li class="segment-row">
            <span>{s.name}</span> <span class="muted">{t('segments.matching', { n: counts.value?.get(s.id) ?? 0 })}</span>{' '}
            <button type="button" class="link" onClick={() => setEditing({ id: s.id, name: s.name, rule: s.rule })}>
              {t('segments.edit')}
            </button>{' '}
            <button type="button" class="link" onClick={() => void deleteSegment(s.id)}>
              {t('segments.delete')}
            </button>
          </li>
        ))}
      </ul>
      {editing ? (
        <form
          class="card segment-editor"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label class="field">
            {t('segments.name')}
            <input
              value={editing.name}
              required
              maxLength={100}
              onInput={(e) => setEditing({ ...editing, name: (e.target as HTMLInputElement).value })}
              data-testid="segment-name"
            />
          </label>
          <GroupEditor group={editing.rule} depth={0} onChange={(rule) => setEditing({ ...editing, rule })} />
          <p aria-live="polite" data-testid="segment-count" class={preview && 'error' in preview ? 'error' : 'muted'}>
            {preview === null
              ? t('common.loading')
              : 'error' in preview
                ? t('segments.invalid', { message: preview.error })
                : t('segments.matching', { n: preview.count })}
          </p>
          <div class="action-buttons">
            <button type="submit" class="primary" disabled={!!preview && 'error' in preview}>
              {t('common.save')}
            </button>
            <button type="button" class="secondary" onClick={() => setEditing(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button
          type="button"
          class="secondary"
          onClick={() => setEditing({ name: '', rule: { op: 'and', rules: [newCondition()] } })}
          data-testid="segment-new"
        >
          {t('segments.new')}
        </button>
      )}
      {message && (
        <p role={message.error ? 'alert' : 'status'} class={message.error ? 'error' : 'muted'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
