import { describe, it, expect, vi } from 'vitest';
import { observePage } from '../../../lib/content/observe';
import { fakeCtx } from './fake-ctx';
import type { PageContextInput } from '../../../lib/schema/page-context';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A toy recognizer: the text of #subject, or none. */
const recognize = (url: string, doc: Document): PageContextInput => {
  const s = doc.getElementById('subject')?.textContent;
  return s ? { site: 'gmail', kind: 'thread', url, subject: s } : { site: 'gmail', kind: 'none', url, reason: 'none' };
};

function setVisibility(state: 'hidden' | 'visible') {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('observePage', () => {
  it('sends on start, after DOM changes settle, and only when the context changed', async () => {
    document.body.replaceChildren();
    setVisibility('visible');
    const send = vi.fn();
    const ctx = fakeCtx();
    observePage(ctx, recognize, send, { debounceMs: 10 });
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]![0].kind).toBe('none');

    const h = document.createElement('h2');
    h.id = 'subject';
    h.textContent = 'Renewal';
    document.body.append(h);
    document.body.append(document.createElement('div')); // burst: one run after the quiet period
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(2));
    expect(send.mock.calls[1]![0].subject).toBe('Renewal');

    document.body.append(document.createElement('span')); // changes nothing recognizable
    await wait(40);
    expect(send).toHaveBeenCalledTimes(2);

    window.dispatchEvent(new Event('hashchange'));
    h.textContent = 'Renewal 2';
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(3));
    ctx.invalidate();
  });

  it('stops watching while hidden and catches up when visible again', async () => {
    document.body.replaceChildren();
    setVisibility('visible');
    const send = vi.fn();
    const ctx = fakeCtx();
    const obs = observePage(ctx, recognize, send, { debounceMs: 10 });
    setVisibility('hidden');
    expect(obs.isObserving()).toBe(false);
    const h = document.createElement('h2');
    h.id = 'subject';
    h.textContent = 'While hidden';
    document.body.append(h);
    await wait(40);
    expect(send).toHaveBeenCalledTimes(1);
    setVisibility('visible');
    expect(obs.isObserving()).toBe(true);
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(2));
    expect(send.mock.calls[1]![0].subject).toBe('While hidden');
    ctx.invalidate();
  });

  it('sleeps after the idle period and wakes on user input', async () => {
    document.body.replaceChildren();
    setVisibility('visible');
    const send = vi.fn();
    const ctx = fakeCtx();
    const obs = observePage(ctx, recognize, send, { debounceMs: 5, idleMs: 20 });
    await vi.waitFor(() => expect(obs.isObserving()).toBe(false));
    window.dispatchEvent(new Event('keydown'));
    expect(obs.isObserving()).toBe(true);
    ctx.invalidate();
    expect(obs.isObserving()).toBe(false);
  });

  it('resends after a failed delivery, and never after invalidation', async () => {
    document.body.replaceChildren();
    setVisibility('visible');
    const send = vi.fn().mockRejectedValueOnce(new Error('Receiving end does not exist'));
    const ctx = fakeCtx();
    const obs = observePage(ctx, recognize, send, { debounceMs: 5 });
    await wait(5);
    obs.runNow();
    expect(send).toHaveBeenCalledTimes(2);
    ctx.invalidate();
    document.body.append(Object.assign(document.createElement('h2'), { id: 'subject', textContent: 'x' }));
    await wait(30);
    obs.runNow();
    expect(send).toHaveBeenCalledTimes(2);
  });
});
