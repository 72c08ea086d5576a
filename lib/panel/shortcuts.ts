import { logCurrentPage } from './commands/log';

/** The panel's keyboard shortcuts: Alt+L logs what the current page shows (the primary log action). */
export function isLogShortcut(e: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'code' | 'key'>): boolean {
  return e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && (e.code === 'KeyL' || e.key.toLowerCase() === 'l');
}

export function onPanelKey(e: KeyboardEvent): void {
  if (isLogShortcut(e)) {
    e.preventDefault();
    void logCurrentPage();
  }
}
