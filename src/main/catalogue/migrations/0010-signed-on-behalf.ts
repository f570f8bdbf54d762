import type { Database } from 'better-sqlite3';

/**
 * A link can name the organisation its person acted for: a signatory signs an agreement on
 * behalf of a council, a university, a company ("Judith Blake, on behalf of Leeds City Council").
 *
 * Why: the signatory and the organisation were two unrelated links (a signatory and a party), so
 * which person signed for which party was lost. Existing links act for nobody (NULL). Deleting
 * the organisation leaves the link, acting for nobody.
 */
export default function up(db: Database): void {
  db.exec('ALTER TABLE record_links ADD COLUMN on_behalf_of INTEGER REFERENCES authorities(id) ON DELETE SET NULL');
  db.exec('CREATE INDEX record_links_on_behalf_of ON record_links(on_behalf_of) WHERE on_behalf_of IS NOT NULL');
}
