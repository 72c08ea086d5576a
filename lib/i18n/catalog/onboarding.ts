import { defineMessages } from '../define';

/** First minutes: the tab bar's menu. */
export const onboarding = defineMessages(
  {
    'nav.label': 'Views',
    'nav.more': 'More',
  },
  {
    'nav.label': 'Vues',
    'nav.more': 'Plus',
  },
);
