import { signal, computed } from '@preact/signals';
import * as z from 'zod/mini';

export type Route =
  | { name: 'page' }
  | { name: 'contact'; id: string }
  | { name: 'account'; id: string }
  | { name: 'portfolio' }
  | { name: 'tasks' }
  | { name: 'templates' }
  | { name: 'lifecycle' }
  | { name: 'dashboard' }
  | { name: 'agency' }
  | { name: 'settings' }
  | { name: 'import' }
  | { name: 'privacy' }
  | { name: 'personPrivacy'; id: string }
  | { name: 'welcome' };

export type TopLevel = 'page' | 'portfolio' | 'tasks' | 'templates' | 'lifecycle' | 'dashboard' | 'agency' | 'settings' | 'import' | 'privacy';
/** A view opened on its own (not a tab): the welcome shown at install. */
export type Standalone = 'welcome';

const StartView = z.enum(['page', 'portfolio', 'tasks', 'templates', 'lifecycle', 'dashboard', 'agency', 'settings', 'import', 'privacy', 'welcome']);

/** `sidepanel.html?view=import` opens the panel on that view (the welcome tab opens `?view=welcome`). */
export function routeFromSearch(search: string): Route {
  const parsed = StartView.safeParse(new URLSearchParams(search).get('view'));
  return { name: parsed.success ? parsed.data : 'page' };
}

const history = signal<Route[]>([{ name: 'page' }]);
export const route = computed(() => history.value[history.value.length - 1]!);
/** The top-level view the current one was opened from: its tab stays marked in the tab bar. */
export const currentTab = computed(() => history.value[0]!.name as TopLevel | Standalone);
export const canGoBack = computed(() => history.value.length > 1);

/** Opens a record on top of the current view; Back returns to it. */
export function open(r: Route): void {
  history.value = [...history.value, r];
}

/** Switches to a top-level view, forgetting the records opened on top of the previous one. */
export function goTo(name: TopLevel | Standalone): void {
  history.value = [{ name } as Route];
}

export function back(): void {
  if (history.value.length > 1) history.value = history.value.slice(0, -1);
}

export function resetRouter(start: Route = { name: 'page' }): void {
  history.value = [start];
}
