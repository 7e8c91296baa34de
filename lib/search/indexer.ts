import 'server-only';
import { readSearchIndexVersion, replaceSearchIndex } from '@/db/search';
import { buildSearchDocuments, contentVersion } from './documents';

// The version this process last checked or built, so a search costs no rebuild check.
let checkedVersion: string | undefined;

/**
 * Rebuilds the search index from lib/content now. Call it after content changes
 * (e.g. an applied editor correction); returns the new content version.
 */
export async function rebuildSearchIndex(): Promise<string> {
  const documents = await buildSearchDocuments();
  const version = contentVersion(documents);
  await replaceSearchIndex({ documents, version });
  checkedVersion = version;
  return version;
}

/**
 * Makes sure the index matches the content, once per process (first search or
 * server start): rebuilds only when the stored version differs, so several
 * servers on one database do not rebuild in turn.
 */
export async function ensureSearchIndex(): Promise<void> {
  if (checkedVersion) return;
  const documents = await buildSearchDocuments();
  const version = contentVersion(documents);
  if ((await readSearchIndexVersion()) !== version) await replaceSearchIndex({ documents, version });
  checkedVersion = version;
}
