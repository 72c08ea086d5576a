// Imported first by the background entrypoint, so it runs before any other module of the bundle is evaluated.
(globalThis as { __carnetEvalStart?: number }).__carnetEvalStart = performance.now();
