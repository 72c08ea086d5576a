import { signal } from '@preact/signals';

export interface Toast {
  id: number;
  message: string;
  /** Reverts what was just done; offered for a few seconds. */
  undo?: () => Promise<void>;
  error?: boolean;
}

export const toast = signal<Toast | null>(null);
export const UNDO_MS = 8000;
let seq = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

export function showToast(t: Omit<Toast, 'id'>, ms = UNDO_MS): Toast {
  clearTimeout(timer);
  const shown = { ...t, id: ++seq };
  toast.value = shown;
  timer = setTimeout(() => {
    if (toast.value?.id === shown.id) toast.value = null;
  }, ms);
  return shown;
}

export function dismissToast(): void {
  clearTimeout(timer);
  toast.value = null;
}

/** Runs the current toast's undo once, then hides it. */
export async function undoToast(): Promise<void> {
  const t = toast.value;
  dismissToast();
  await t?.undo?.();
}
