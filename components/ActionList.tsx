import './insights.css';
import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { contactNames } from '@/lib/panel/queries/insights';
import { contactName } from '@/lib/schema';
import type { Score } from '@/lib/schema';
import { useLiveQuery } from '@/lib/panel/live';
import { executeAction, recordFeedback, ActionBlockedError, type ExecuteResult } from '@/lib/panel/commands/actions';
import { actionLabel, describeReason } from '@/lib/panel/view/scoring-labels';
import { composeEmailFromPanel } from '@/lib/panel/action-compose';
import { deliveryText } from '@/lib/panel/engage-text';
import { failureText } from '@/lib/panel/failure';

export type SuggestedAction = Score['actions'][number];
export interface ActionItem {
  accountId: string;
  action: SuggestedAction;
  /** Shown before the action when the list spans several accounts. */
  accountName?: string;
  currency?: string;
}

export type ActionListProps =
  | { accountId: string; actions: readonly SuggestedAction[]; currency?: string; useGmail?: boolean; onDone?: (r: ExecuteResult) => void }
  | { items: readonly ActionItem[]; useGmail?: boolean; onDone?: (r: ExecuteResult) => void };

const keyOf = (i: ActionItem) => `${i.accountId}:${i.action.type}:${i.action.contactId ?? ''}`;

/** Ranked next-best-actions with their explanation and Execute / Dismiss / Snooze; embeddable in any view. */
export function ActionList(props: ActionListProps) {
  const items: readonly ActionItem[] =
    'items' in props ? props.items : props.actions.map((action) => ({ accountId: props.accountId, action, currency: props.currency }));
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const contactIds = [...new Set(items.map((i) => i.action.contactId).filter((x): x is string => !!x))];
  const contacts = useLiveQuery(() => contactNames(contactIds), [contactIds.join(',')]);
  const visible = items.filter((i) => !hidden.has(keyOf(i)));

  const run = async (item: ActionItem, what: 'execute' | 'dismiss' | 'snooze') => {
    const k = keyOf(item);
    setBusy(k);
    setMessage(null);
    try {
      if (what === 'execute') {
        const r = await executeAction(item.accountId, item.action, { useGmail: props.useGmail, composeEmail: composeEmailFromPanel });
        setMessage({
          text:
            r.kind === 'task'
              ? t('actions.done.task', { title: r.task.title })
              : r.kind === 'email'
                ? r.compose
                  ? `${r.compose.templateName}: ${deliveryText(r.compose.delivery)}`
                  : t('actions.done.email', { name: contactName(r.contact) })
                : t('actions.done.log'),
        });
        props.onDone?.(r);
      } else if (what === 'dismiss') {
        await recordFeedback(item.accountId, item.action, 'dismissed');
        setMessage({ text: t('actions.dismissed') });
      } else {
        const fb = await recordFeedback(item.accountId, item.action, 'snoozed');
        setMessage({ text: t('actions.snoozed', { date: formatDate(fb.snoozeUntil) }) });
      }
      setHidden((h) => new Set(h).add(k));
    } catch (e) {
      setMessage({ text: e instanceof ActionBlockedError ? t('actions.blocked') : failureText(e), error: true });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div>
      {visible.length === 0 && (
        <p class="muted" data-testid="action-list-empty">
          {t('actions.none')}
        </p>
      )}
      {visible.length > 0 && (
        <ol class="plain action-list" data-testid="action-list">
          {visible.map((item) => {
            const a = item.action;
            const who = a.contactId ? contacts.value?.get(a.contactId) : undefined;
            const k = keyOf(item);
            return (
              <li class="action-item" data-action-type={a.type} data-account-id={item.accountId} key={k}>
                <div class="action-head">
                  <strong>
                    {item.accountName && <span>{item.accountName} · </span>}
                    {actionLabel(a.type)}
                  </strong>
                  <span class="muted">{t('actions.expected', { value: formatMoney(a.expectedValue, item.currency ?? 'EUR') })}</span>
                </div>
                <div class="muted">
                  {describeReason(a.reason)}
                  {who && <> · {t('actions.to', { name: who })}</>}
                </div>
                <div class="action-buttons">
                  <button type="button" class="primary" disabled={busy === k} onClick={() => run(item, 'execute')} data-testid="action-execute">
                    {t('actions.execute')}
                  </button>
                  <button type="button" class="secondary" disabled={busy === k} onClick={() => run(item, 'dismiss')}>
                    {t('actions.dismiss')}
                  </button>
                  <button type="button" class="secondary" disabled={busy === k} onClick={() => run(item, 'snooze')}>
                    {t('actions.snooze')}
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {message && (
        <p role={message.error ? 'alert' : 'status'} class={message.error ? 'error' : 'muted'} data-testid="action-message">
          {message.text}
        </p>
      )}
    </div>
  );
}
