/**
 * Typo queries for "process start → a typo query answered correctly": the swapped letters
 * in place names (`Hangzohu`, `Qingdoa`) and a slip in a rare title word of the generated
 * library, each with what counts as the right answer, checked against the catalogue itself (the
 * records whose own words hold the word as spelt), never against an engine's output.
 */
import type Database from 'better-sqlite3';
import { isHanTerm, tokenize } from '../../src/shared/search/tokenizer';

export interface TypoProbe {
  typed: string;
  /** The word as spelt in the library: without a recordId, the first hit must be a record with it. */
  correct: string;
  /** A record that must be among the hits (the one whose title word was mistyped). */
  recordId?: number;
}

/** Two letters swapped after the first two (the slip people make most, and one edit in Damerau's measure). */
const swapped = (word: string) => word.slice(0, 2) + word[3] + word[2] + word.slice(4);

export function typoProbes(db: Database.Database, records: number): TypoProbe[] {
  const probes: TypoProbe[] = [
    { typed: 'Hangzohu', correct: 'hangzhou' },
    { typed: 'Qingdoa', correct: 'qingdao' },
  ];
  // A title word found in few records, from the middle of the library (so not always the same record at every size).
  const titles = db.prepare('SELECT id, title FROM records WHERE id >= ? ORDER BY id LIMIT 500');
  const inTitles = db.prepare("SELECT count(*) AS n FROM records_fts WHERE records_fts MATCH ('meta : ' || ?)");
  for (const row of titles.all(Math.floor(records / 2)) as { id: number; title: string }[]) {
    const word = tokenize(row.title).find(
      (w) => w.length >= 7 && !isHanTerm(w) && !/\d/.test(w) && w[2] !== w[3] && swapped(w) !== w,
    );
    if (!word) continue;
    const n = (inTitles.get(`"${word}"`) as { n: number }).n;
    if (n < 1 || n > 20) continue;
    probes.push({ typed: swapped(word), correct: word, recordId: row.id });
    break;
  }
  return probes;
}

/**
 * Whether a probe's hits are right: the mistyped record is among them; for a place name (found in
 * thousands of records), the first hit has the word as spelt. (The first hit of a rare title
 * word's slip may be another near word of the library: `riuklbarmi` is one edit from
 * `rikulbarmi` and two from the commoner `rikbarmi`.)
 */
export function probeAnswered(db: Database.Database, probe: TypoProbe, hits: number[]): boolean {
  if (hits.length === 0) return false;
  if (probe.recordId !== undefined) return hits.includes(probe.recordId);
  // A range, not `rowid = ?`: FTS5 does not use an equality with a number bound as a real.
  const has = db.prepare('SELECT count(*) AS n FROM records_fts WHERE records_fts MATCH ? AND rowid BETWEEN ? AND ?');
  const first = (has.get(`"${probe.correct}"`, hits[0], hits[0]) as { n: number }).n > 0;
  return first;
}
