import { signal, computed } from '@preact/signals';

export type Route =
  | { name: 'page' }
  | { name: 'contact'; id: string }
  | { name: 'account'; id: string }
  | { name: 'portfolio' }
  | { name: 'tasks' }
  | { name: 'dashboard' }
  | { name: 'agency' }
  | { name: 'settings' }
  | { name: 'import' }
  | { name: 'privacy' }
  | { name: 'personPrivacy'; id: string };

export type TopLevel = 'page' | 'portfolio' | 'tasks' | 'dashboard' | 'agency' | 'settings' | 'import' | 'privacy';

const history = signal<Route[]>([{ name: 'page' }]);
export const route = computed(() => history.value[history.value.length - 1]!);
export const canGoBack = computed(() => history.value.length > 1);

/** Opens a record on top of the current view; Back returns to it. */
export function open(r: Route): void {
  history.value = [...history.value, r];
}

/** Switches to a top-level view, forgetting the records opened on top of the previous one. */
export function goTo(name: TopLevel): void {
  history.value = [{ name } as Route];
}

export function back(): void {
  if (history.value.length > 1) history.value = history.value.slice(0, -1);
}

export function resetRouter(): void {
  history.value = [{ name: 'page' }];
}
