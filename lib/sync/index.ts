/** Sync, for the extension: what the server shares (shared/) and the device's side of it (client/). */
export * from './shared/merge';
export * from './shared/protocol';
export * from './shared/validate';
export * from './client/backoff';
export * from './client/meta';
export * from './client/http';
export * from './client/apply';
export * from './client/push';
export * from './client/pull';
export * from './client/engine';
export * from './client/set-aside';
export * from './client/resend';
