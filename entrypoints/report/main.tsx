/** The printable client report (an extension page): /report.html?account=<id>&from=<day>&to=<day>[&lang=fr|en]. */
import { render } from 'preact';
import { effect } from '@preact/signals';
import { lang } from '@/lib/i18n';
import { loadSettings } from '@/lib/panel/models/settings';
import { ClientReportPage } from '@/components/report/ClientReportPage';
import './report.css';

effect(() => {
  document.documentElement.lang = lang.value;
});
// the user's language first: the report's own (address, client) then overrides it
void loadSettings()
  .catch(() => null)
  .finally(() => render(<ClientReportPage search={location.search} />, document.getElementById('app')!));
