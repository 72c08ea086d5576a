import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { activeTabId } from '@/lib/panel/active-tab';
import { pageState } from '@/lib/panel/page-match';
import { sendMessage } from '@/lib/messaging/send';
import type { MatchedPerson } from '@/lib/background/tab-state';
import { ContactView } from './ContactView';
import { AccountView } from './AccountView';
import { logActionKind } from '@/lib/panel/view/log-page';
import { logCurrentPage } from '@/lib/panel/commands/log';
import { useLiveQuery } from '@/lib/panel/live';
import { portfolioIsEmpty } from '@/lib/panel/queries/demo-data';
import { Welcome } from './Welcome';
import { copyPageReport, pageNoticeNow } from '@/lib/panel/page-pending';
import { showToast } from '@/lib/panel/toast';
import type { PageNotice } from '@/lib/panel/view/page-notice';
import { failureText } from '@/lib/panel/failure';

/** A readable URL whose markup is not found: "reading…", then, when it lasts, that the site may have changed. */
function PageNoticeView({ notice }: { notice: NonNullable<PageNotice> }) {
  if (notice.kind === 'reading')
    return (
      <p class="empty" role="status">
        {t('page.reading', { site: notice.site })}
      </p>
    );
  const copy = async () => {
    const ok = await copyPageReport(notice.report);
    showToast({ message: t(ok ? 'page.unreadable.copied' : 'page.unreadable.copyFailed'), error: !ok });
  };
  return (
    <section class="card" role="status" data-notice="unreadable">
      <h3>{t('page.unreadable.title', { site: notice.site })}</h3>
      <p>{t('page.unreadable.body', { site: notice.site })}</p>
      <button type="button" onClick={copy}>
        {t('page.unreadable.copy')}
      </button>
    </section>
  );
}

function LogPageButton() {
  const kind = logActionKind(pageState.value);
  if (!kind) return null;
  const label = t(`log.page.${kind}` as 'log.page.email');
  return (
    <div class="log-bar">
      <button
        type="button"
        class="primary"
        onClick={() => void logCurrentPage()}
        title={t('log.shortcutHint', { label })}
        aria-keyshortcuts="Alt+L"
        data-testid="log-page"
      >
        {label}
      </button>
      <span class="muted small">Alt+L</span>
    </div>
  );
}

function personLabel(m: MatchedPerson): string {
  return m.person.name || m.person.email || m.person.linkedinUrl || '?';
}

function UnknownPerson({ m, index, suppressed }: { m: MatchedPerson; index: number; suppressed?: boolean }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      if (activeTabId.value == null) return;
      const reply = await sendMessage('createContactFromTab', { tabId: activeTabId.value, personIndex: index });
      if (reply && 'error' in reply) setError(t('error.generic', { message: reply.error }));
    } catch (e) {
      setError(failureText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card" aria-labelledby="unknown-title">
      <p class="muted">{t('page.unknown')}</p>
      <h2 id="unknown-title">{personLabel(m)}</h2>
      {m.person.email && <p>{m.person.email}</p>}
      {m.person.title && <p class="muted">{m.person.title}</p>}
      {m.person.company && <p class="muted">{m.person.company}</p>}
      {suppressed ? (
        <p class="muted" data-testid="suppressed">
          {t('page.suppressed')}
        </p>
      ) : (
        <button type="button" class="primary" disabled={busy} onClick={create} data-testid="create-contact">
          {t('page.createContact')}
        </button>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </section>
  );
}

export function PageView() {
  // A first run (nothing stored yet) is greeted with what Carnet does and the ways to start.
  const empty = useLiveQuery(portfolioIsEmpty, []);
  const welcome = empty.value ? <Welcome /> : null;
  const state = pageState.value;
  if (!state)
    return (
      <>
        <p class="empty">{t('page.unsupported')}</p>
        {welcome}
      </>
    );
  const { context, match } = state;
  const notice = pageNoticeNow.value;
  if (notice)
    return (
      <>
        <PageNoticeView notice={notice} />
        {welcome}
      </>
    );
  if (context.kind === 'none' || !match.primary)
    return (
      <>
        <p class="empty">{t('page.none')}</p>
        {welcome}
      </>
    );
  const p = match.primary;
  return (
    <div class="page-view" data-site={context.site}>
      <LogPageButton />
      {p.contactId ? (
        <ContactView id={p.contactId} />
      ) : p.accountId ? (
        <>
          <UnknownPerson m={p} index={-1} suppressed={match.suppressed} />
          <AccountView id={p.accountId} />
        </>
      ) : (
        <UnknownPerson m={p} index={-1} suppressed={match.suppressed} />
      )}
      {match.others.length > 0 && (
        <section class="card">
          <h3>{t('page.others')}</h3>
          <ul class="plain">
            {match.others.map((o) => (
              <li>
                {personLabel(o)} {o.person.email && <span class="muted">{o.person.email}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {welcome}
    </div>
  );
}
