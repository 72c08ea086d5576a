/**
 * Every key of the device-only `meta` table, in one list: what each holds and who writes it. A module that
 * keeps state in db.meta names its key here, so two features can never pick the same key, and backups, erasure and
 * the encryption layer can tell what each key is.
 */
export const META_KEYS = {
  /** true while team sync is on (lib/sync). */
  syncEnabled: 'sync.enabled',
  /** This device's id towards the team server. */
  syncClientId: 'sync.clientId',
  /** Server change number up to which this device has pulled. */
  syncCursor: 'sync.cursor',
  syncLastSuccessAt: 'sync.lastSuccessAt',
  syncLastAttemptAt: 'sync.lastAttemptAt',
  /** The last failure in plain words, null after a success. */
  syncLastError: 'sync.lastError',
  /** What kind of failure the last error was (SyncErrorKind). */
  syncLastErrorKind: 'sync.lastErrorKind',
  syncFailures: 'sync.failures',
  /** Epoch ms before which the next automatic attempt waits (backoff). */
  syncNextAttemptAt: 'sync.nextAttemptAt',
  /** Outbox entries still to push, as of the last attempt. */
  syncPending: 'sync.pending',
  /** Changes the server refused as invalid (their sensitive fields sealed at rest when encryption is on). */
  syncRejected: 'sync.rejected',
  /** Pulled changes this device could not apply (ids and reasons only). */
  syncSetAside: 'sync.setAside',
  /** At-rest encryption: salt, iterations and the key check (lib/crypto). */
  cryptoConfig: 'crypto.config',
  /** Which demo portfolio is loaded (lib/demo). */
  demoLoaded: 'demo.loaded',
  /** The retention policy and its last run (lib/gdpr, lib/background/retention). */
  retentionPolicy: 'gdpr.retention',
  retentionLastRun: 'gdpr.retention.lastRun',
  /** Scoring: the user's settings, the last run, the day's fitted models (lib/scoring-runner). */
  scoringSettings: 'scoring.settings',
  scoringLastRunAt: 'scoring.lastRunAt',
  scoringLastRun: 'scoring.lastRun',
  scoringModels: 'scoring.models',
  scoringFit: 'scoring.fit',
} as const;

export type MetaKey = (typeof META_KEYS)[keyof typeof META_KEYS];
