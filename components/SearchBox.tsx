import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { searchContacts, searchAccounts } from '@/lib/db';
import { contactName, type Contact, type Account } from '@/lib/schema';
import { open } from '@/lib/ui/router';

export function SearchBox() {
  const [q, setQ] = useState('');
  const [results, setResults] = useState<{ contacts: Contact[]; accounts: Account[] } | null>(null);

  useEffect(() => {
    if (q.trim().length < 2) {
      setResults(null);
      return;
    }
    let stale = false;
    void Promise.all([searchContacts(q, 8), searchAccounts(q, 5)]).then(([contacts, accounts]) => {
      if (!stale) setResults({ contacts, accounts });
    });
    return () => {
      stale = true;
    };
  }, [q]);

  const choose = (r: { name: 'contact' | 'account'; id: string }) => {
    setQ('');
    open(r);
  };

  return (
    <div class="search" role="search">
      <input
        type="search"
        value={q}
        placeholder={t('search.placeholder')}
        aria-label={t('search.placeholder')}
        onInput={(e) => setQ(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Escape' && setQ('')}
      />
      {results && (
        <div class="search-results" role="listbox" aria-label={t('search.placeholder')}>
          {results.contacts.length === 0 && results.accounts.length === 0 && <p class="muted">{t('search.empty', { q })}</p>}
          {results.accounts.map((a) => (
            <button type="button" role="option" class="result" onClick={() => choose({ name: 'account', id: a.id })}>
              <strong>{a.name}</strong> <span class="muted">{a.domains[0] ?? ''}</span>
            </button>
          ))}
          {results.contacts.map((c) => (
            <button type="button" role="option" class="result" onClick={() => choose({ name: 'contact', id: c.id })}>
              <strong>{contactName(c)}</strong> <span class="muted">{c.emails[0] ?? ''}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
