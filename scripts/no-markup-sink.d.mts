import type { Plugin } from 'vite';
export function noMarkupSink(): Plugin;
