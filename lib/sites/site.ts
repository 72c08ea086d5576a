import type { PageContextInput, PageSite } from '../schema/page-context';

/** Reads a page: pure, never throws (see safely in dom.ts), always passes the PageContext schema. */
export type Recognizer = (url: string, doc: Document) => PageContextInput;

/** What Carnet knows of one supported site: where it runs and how it reads a page. */
export interface Site {
  readonly site: PageSite;
  /** WebExtension match patterns: the content script's and the host permissions' (see matches.ts). */
  readonly matches: readonly string[];
  readonly recognize: Recognizer;
}
