import type { InteractionInput } from '../../schema';
import { t } from '../../i18n';
import { pageState } from '../page-match';
import { interactionFromTab, logActionKind } from '../view/log-page';
import { logWithUndo, insertWithUndo } from './undoable';
import { showToast } from '../toast';
import { errorsOf } from '../view/forms';
import { failureText } from '../failure';
import { stopOnReply } from './sequences';

function failed(e: unknown): void {
  const fields = errorsOf(e);
  const message = fields
    ? t('error.generic', {
        message: Object.entries(fields)
          .map(([k, v]) => `${k}: ${v}`)
          .join('; '),
      })
    : failureText(e);
  showToast({ message, error: true });
}

/** A logged reply stops the sender's sequences at once (the background alarm would, minutes later); the toast says so. */
async function stopSequencesOnReply(input: Pick<InteractionInput, 'direction' | 'contactIds'>): Promise<void> {
  if ((await stopOnReply(input, new Date())) > 0) showToast({ message: t('sequence.stoppedOnReply') });
}

/** "Log this email / ticket / LinkedIn message" (Alt+L): logs what the current tab shows, with Undo. */
export async function logCurrentPage(now = new Date()): Promise<boolean> {
  const state = pageState.value;
  const kind = logActionKind(state);
  const input = state && kind ? interactionFromTab(state, now) : null;
  if (!input) return false;
  try {
    const r = await logWithUndo(input);
    showToast({ message: t(r.created ? 'log.created' : 'log.updated'), undo: r.undo });
    await stopSequencesOnReply(input);
    return true;
  } catch (e) {
    failed(e);
    return false;
  }
}

/** A call, meeting or note from the quick form; Undo deletes it. */
export async function logManual(input: InteractionInput): Promise<boolean> {
  try {
    const r = await insertWithUndo('interactions', input);
    showToast({ message: t('log.created'), undo: r.undo });
    await stopSequencesOnReply(input);
    return true;
  } catch (e) {
    failed(e);
    return false;
  }
}

/** Runs a write, shows its toast with Undo; errors become a toast too. Returns whether it succeeded. */
export async function withUndo(run: () => Promise<{ undo: () => Promise<void> }>, message: string): Promise<boolean> {
  try {
    const r = await run();
    showToast({ message, undo: r.undo });
    return true;
  } catch (e) {
    failed(e);
    return false;
  }
}
