export interface BrowserSystem {
  exists(path: string): boolean;
  env: Record<string, string | undefined>;
  isRoot(): boolean;
  hasApt(): boolean;
  run(cmd: string, args: string[], env: Record<string, string | undefined>): number | null;
  log(message: string): void;
  error(message: string): void;
}
export interface EnsureOptions {
  quiet?: boolean;
  sys?: BrowserSystem;
}
export function findChromium(): string | null;
export function findFirefox(): string | null;
export function canInstallWithApt(sys?: BrowserSystem): boolean;
export function ensureBrowser(kind: 'chromium' | 'firefox', opts?: EnsureOptions): string | null;
export function ensureChromium(opts?: EnsureOptions): string | null;
export function ensureFirefox(opts?: EnsureOptions): string | null;
