import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { open } from '@/lib/panel/router';
import { searchAll, moveActive, type SearchResult } from '@/lib/panel/queries/search';

/** Global search as an ARIA combobox: results while typing, arrows to move, Enter to open, Escape to clear. */
export function SearchBox() {
  const [q, setQ] = useState('');
  const [results, setResults] = useState<SearchResult[] | null>(null);
  const [active, setActive] = useState(-1);

  useEffect(() => {
    if (q.trim().length < 2) {
      setResults(null);
      return;
    }
    let stale = false;
    void searchAll(q).then((r) => {
      if (stale) return;
      setResults(r);
      setActive(r.length ? 0 : -1);
    });
    return () => {
      stale = true;
    };
  }, [q]);

  const choose = (r: SearchResult | undefined) => {
    if (!r) return;
    setQ('');
    open({ name: r.kind, id: r.id });
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') return setQ('');
    if (!results) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      return choose(results[active]);
    }
    const next = moveActive(active, e.key, results.length);
    if (next !== active || e.key.startsWith('Arrow')) {
      e.preventDefault();
      setActive(next);
    }
  };
  const expanded = !!results;
  return (
    <div class="search" role="search">
      <input
        type="search"
        {...({ role: 'combobox' } as object)}
        aria-expanded={expanded}
        aria-controls="search-results"
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 && results ? `sr-${active}` : undefined}
        value={q}
        placeholder={t('search.placeholder')}
        aria-label={t('search.placeholder')}
        onInput={(e) => setQ(e.currentTarget.value)}
        onKeyDown={onKey}
        data-testid="search"
      />
      {results && (
        <ul class="search-results" id="search-results" role="listbox" aria-label={t('search.placeholder')}>
          {results.length === 0 && (
            <li class="muted" role="presentation">
              {t('search.empty', { q })}
            </li>
          )}
          {results.map((r, i) => (
            <li
              id={`sr-${i}`}
              role="option"
              aria-selected={i === active}
              class={`result${i === active ? ' active' : ''}`}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(r)}
            >
              <span class="chip">{t(r.kind === 'account' ? 'search.account' : 'search.contact')}</span>
              <strong>{r.label}</strong> <span class="muted">{r.detail}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
