/** Merging two contacts (the survivor keeps both histories): the rule lives with the database's write path. */
export { mergeContacts } from '../../db/merge';
