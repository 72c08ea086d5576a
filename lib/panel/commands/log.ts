import type { InteractionInput } from '../../schema';
import { t } from '../../i18n';
import { pageState } from '../page-match';
import { interactionFromTab, logActionKind } from '../view/log-page';
import { logWithUndo, insertWithUndo } from './undoable';
import { showToast } from '../toast';
import { errorsOf } from '../view/forms';
import { LockedError } from '../../crypto/state';
import { evaluateEnrolments } from './sequences';

function failed(e: unknown): void {
  if (e instanceof LockedError) {
    showToast({ message: t('crypto.error.locked'), error: true });
    return;
  }
  const fields = errorsOf(e);
  const message = fields ? Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('; ') : (e as Error).message;
  showToast({ message: t('error.generic', { message }), error: true });
}

/**
 * A logged reply stops the sender's sequences at once (the background alarm would, minutes later); the toast says
 * so. A failure here never fails the log itself.
 */
async function stopSequencesOnReply(input: Pick<InteractionInput, 'direction' | 'contactIds'>): Promise<void> {
  const contactIds = input.contactIds ?? [];
  if (input.direction !== 'inbound' || contactIds.length === 0) return;
  try {
    const r = await evaluateEnrolments(new Date(), contactIds);
    if (r.stopped > 0) showToast({ message: t('sequence.stoppedOnReply') });
  } catch (e) {
    console.error('sequences', e);
  }
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
