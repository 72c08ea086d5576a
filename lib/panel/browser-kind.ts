import { browser } from 'wxt/browser';

/** Firefox (and its forks): the only browsers with runtime.getBrowserInfo. */
export function isFirefox(): boolean {
  return typeof (browser.runtime as { getBrowserInfo?: unknown } | undefined)?.getBrowserInfo === 'function';
}
