import type { ExtraEnv } from './extra';
import type { ContentBrowser, MessageSender, OnMessage } from './runtime';

/** Only this extension's own pages may talk to a content script: not a web page, not another extension or tab. */
export function fromOwnPages(sender: MessageSender | undefined, runtime: ContentBrowser['runtime']): boolean {
  return !!sender && sender.id === runtime.id && sender.tab === undefined && typeof sender.url === 'string' && sender.url.startsWith(runtime.getURL('/'));
}

/**
 * Lets an extra answer messages from the panel or the background for as long as the content script lives: the
 * sender is checked first, the listener goes with the content script, failures are reported as the extra's.
 * `answer` returns undefined for a message that is not its own (other listeners may take it), else the reply.
 * Its own module, so only the content scripts whose extras answer messages carry it.
 */
export function answerOwnPages(env: ExtraEnv, answer: (message: unknown, sender: MessageSender) => Promise<unknown> | undefined): void {
  const runtime = env.browser.runtime;
  const listener: OnMessage = (message, sender) => {
    if (!fromOwnPages(sender, runtime)) return undefined;
    try {
      return answer(message, sender)?.catch((e: unknown) => {
        env.report('message', e);
        throw e;
      });
    } catch (e) {
      env.report('message', e);
      return undefined;
    }
  };
  runtime.onMessage.addListener(listener);
  env.onInvalidated(() => runtime.onMessage.removeListener(listener));
}
