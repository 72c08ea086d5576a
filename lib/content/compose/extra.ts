import type { Extra } from '../runtime';
import type { ComposeDriver } from './drivers';
import { listenForCompose } from './listen';

/** The compose writer as an extra of a mail site's content script: templates written at the cursor (issue #13). */
export function composeWriter(driver: ComposeDriver): Extra {
  return (ctx, { win, browser }) => {
    listenForCompose(ctx, driver, browser.runtime, win.document);
    return {};
  };
}
