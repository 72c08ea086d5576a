import type { Browser } from 'wxt/browser';
import type { PageContextInput } from '../schema/page-context';
import type { Site } from '../sites/site';
import { observePage, type ObserveOptions, type ObserverContext } from './observe';

/**
 * One runtime for every site's content script (refined-github's feature manager, for sites): a site registers
 * `{ site, matches, recognize, extras? }` and the runtime owns the rest — recognizing on start, on navigation and
 * after DOM changes settle, sending the context when it changed, handing each extra the page and the reply.
 * Extras are made with defineExtra (extra.ts), which binds their listeners to the content script's life and
 * catches what they throw; it lives in its own module so that a site without extras carries none of it.
 */
export interface SiteScript extends Site {
  readonly extras?: readonly Extra[];
}

export type MessageSender = Pick<Browser.runtime.MessageSender, 'id' | 'url' | 'tab'>;
export type OnMessage = (message: unknown, sender: MessageSender) => Promise<unknown> | undefined;

/** The browser APIs a content script uses (tests pass a fake). */
export interface ContentBrowser {
  runtime: {
    readonly id: string;
    getURL(path: string): string;
    onMessage: { addListener(cb: OnMessage): void; removeListener(cb: OnMessage): void };
  };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  i18n: { getMessage(name: string): string };
}

/** What the runtime calls on an extra; every hook is optional. */
export interface ExtraHooks {
  /** After every recognition, changed or not: pages re-render and drop what an extra added. */
  recognized?(page: PageContextInput): void;
  /** With the background's reply to the page context just sent. */
  delivered?(reply: unknown, page: PageContextInput): void | Promise<void>;
}

/** What the runtime gives an extra when the content script starts. */
export interface ExtraHost {
  readonly win: Window;
  readonly browser: ContentBrowser;
  /** Where failures go (defineExtra reports to the console by default). */
  readonly report?: (extra: string, phase: string, error: unknown) => void;
}

/** Something a site's content script does beyond reading the page (a badge, a compose writer): see defineExtra. */
export type Extra = (ctx: ObserverContext, host: ExtraHost) => ExtraHooks;

export interface RunDeps extends Omit<ExtraHost, 'win'> {
  /** Delivers a context to the background; resolves with its reply. */
  send: (page: PageContextInput) => Promise<unknown>;
  win?: Window;
  observe?: ObserveOptions;
}

/** Starts a site's content script in the page. Returns the observer's handles (tests drive them). */
export function runSite(ctx: ObserverContext, script: SiteScript, deps: RunDeps): ReturnType<typeof observePage> {
  const win = deps.win ?? window;
  const extras = (script.extras ?? []).map((start) => start(ctx, { win, browser: deps.browser, report: deps.report }));
  return observePage(
    ctx,
    (url, doc) => {
      const page = script.recognize(url, doc);
      for (const x of extras) x.recognized?.(page);
      return page;
    },
    async (page) => {
      const reply = await deps.send(page); // a failed send rejects: observePage sends again later
      for (const x of extras) await x.delivered?.(reply, page);
    },
    { ...deps.observe, win },
  );
}
