import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { contactName, type Contact } from '@/lib/schema';
import { findContacts } from '@/lib/panel/queries/search';
import { mergeContacts } from '@/lib/panel/commands/merge';
import { showToast } from '@/lib/panel/toast';
import { Dialog } from './Dialog';
import { failureText } from '@/lib/panel/failure';

/** Picks the duplicate of a contact (search or same account) and merges it into this one. */
export function MergeDialog({ survivor, colleagues, onClose }: { survivor: Contact; colleagues: Contact[]; onClose: () => void }) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Contact[]>([]);
  const [chosen, setChosen] = useState<Contact | null>(null);
  useEffect(() => {
    let stale = false;
    if (q.trim().length < 2) setFound(colleagues.filter((c) => c.id !== survivor.id));
    else void findContacts(q, 10).then((r) => !stale && setFound(r.filter((c) => c.id !== survivor.id)));
    return () => void (stale = true);
  }, [q]);
  const merge = async () => {
    if (!chosen) return;
    try {
      const r = await mergeContacts(survivor.id, chosen.id);
      showToast({ message: t('merge.done', { n: r.moved.interactions }) });
      onClose();
    } catch (e) {
      showToast({ message: failureText(e), error: true });
    }
  };
  return (
    <Dialog title={t('merge.title', { name: contactName(survivor) })} onClose={onClose} testId="merge-dialog">
      <p class="muted">{t('merge.help')}</p>
      <input type="search" value={q} aria-label={t('merge.search')} placeholder={t('merge.search')} onInput={(e) => setQ(e.currentTarget.value)} />
      <ul class="plain" role="radiogroup" aria-label={t('merge.pick')}>
        {found.map((c) => (
          <li>
            <label class="check">
              <input type="radio" name="dup" checked={chosen?.id === c.id} onChange={() => setChosen(c)} /> {contactName(c)}{' '}
              <span class="muted">{c.emails.join(', ')}</span>
            </label>
          </li>
        ))}
      </ul>
      {chosen && <p role="status">{t('merge.confirm', { dup: contactName(chosen), name: contactName(survivor) })}</p>}
      <div class="actions">
        <button type="button" class="primary" disabled={!chosen} onClick={merge} data-testid="merge-confirm">
          {t('merge.action')}
        </button>
        <button type="button" class="secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
