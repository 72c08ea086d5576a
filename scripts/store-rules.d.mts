export const ICON_SIZES: number[];
export const NAME_MAX: number;
export const DESCRIPTION_MAX: number;
export const FIREFOX_MIN: number;
export function pngSize(buf: Buffer | undefined): { width: number; height: number } | null;
export function justifiedNames(markdown: string): Set<string>;
export function checkPackage(pkg: { browser: 'chrome' | 'firefox'; manifest: unknown; files: Map<string, Buffer>; justified: Set<string> }): string[];
