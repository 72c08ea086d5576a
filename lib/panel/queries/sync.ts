/** The sync state (db.meta, read live by the settings card). */
export { getSyncStatus } from '../../sync/client/engine';
