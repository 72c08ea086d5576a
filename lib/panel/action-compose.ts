import { composeForAction } from './commands/compose-action';
import { browserDeliverDeps, currentTab } from './browser-deps';

/** Email actions write with the user's templates into the tab the panel follows (see lib/panel/commands/actions composeEmail). */
export const composeEmailFromPanel = composeForAction({ tab: currentTab, deps: browserDeliverDeps });
