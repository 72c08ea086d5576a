import { t } from '@/lib/i18n';
import { formatPercent } from '@/lib/i18n/format';
import type { Score } from '@/lib/schema';
import { tKey } from '@/lib/ui/i18n-dynamic';

export type SuggestedAction = Score['actions'][number];

export interface NextActionsProps {
  actions: SuggestedAction[];
  /** Wired by the scoring integration; a button appears only for the callbacks given. */
  onExecute?: (a: SuggestedAction) => void;
  onAccept?: (a: SuggestedAction) => void;
  onDismiss?: (a: SuggestedAction) => void;
}

/** Suggested next-best-actions of an account: type, why, and the actions the caller wires. */
export function NextActions({ actions, onExecute, onAccept, onDismiss }: NextActionsProps) {
  return (
    <section aria-labelledby="nba-title" class="nba">
      <h3 id="nba-title">{t('nba.title')}</h3>
      {actions.length === 0 ? (
        <p class="muted">{t('nba.none')}</p>
      ) : (
        <ul class="plain" aria-labelledby="nba-title">
          {actions.map((a) => (
            <li class="nba-item" data-testid="next-action">
              <strong>{tKey(`action.${a.type}`)}</strong>
              <span class="muted"> · {formatPercent(a.probability)}</span>
              <div class="muted">{tKey(a.reason.key, a.reason.params)}</div>
              <div class="actions">
                {onExecute && <button type="button" class="secondary" onClick={() => onExecute(a)}>{t('nba.execute')}</button>}
                {onAccept && <button type="button" class="secondary" onClick={() => onAccept(a)}>{t('nba.accept')}</button>}
                {onDismiss && <button type="button" class="secondary" onClick={() => onDismiss(a)}>{t('nba.dismiss')}</button>}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
