/**
 * Limits on the JSON bodies of `POST /api/<channel>`, checked on the raw bytes before JSON.parse.
 *
 * JSON.parse is linear but slow on deep nesting: 4 MB of `[[[[…` takes V8 about two seconds, all
 * of it on the host's one event loop, so a handful of such bodies held every other request for
 * tens of seconds. No input of this app nests deeper than 5 levels (restoreRecord's snapshot,
 * patchRecords' items), so a cheap byte scan refuses anything deeper than MAX_JSON_DEPTH before
 * the parser sees it. And most channels take a few hundred bytes (an id, a query, a page of
 * filters), so each channel has a size limit of what its own largest legitimate input can be;
 * MAX_BODY_BYTES stays the ceiling for the few that take whole texts (a record's body text, a
 * metadata file, a CSL style). tests/unit/host/body-limits.test.ts derives each channel's largest
 * input from the contract's schemas and fails when a limit here is too small for it.
 */
import { isChannel, type Channel } from '../../shared/contract';

/** The ceiling of any API body (the channels that take whole texts). */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** Arrays and objects inside each other, counting the body itself as 1; legitimate inputs reach 5. */
export const MAX_JSON_DEPTH = 64;

/** The size limit of a channel not listed below: its input is ids, flags, a query, a short name. */
export const DEFAULT_BODY_BYTES = 64 * 1024;

const KB = 1024;
const MB = 1024 * 1024;

/**
 * Channels whose legitimate input can exceed DEFAULT_BODY_BYTES, with the limit rounded up from
 * the largest input their schema allows (text counted at 3 UTF-8 bytes a character, as for Chinese).
 */
const CHANNEL_BODY_BYTES: Partial<Record<Channel, number>> = {
  // A record's body text may be 2,000,000 characters; a restore or batch carries whole records.
  createRecord: MAX_BODY_BYTES,
  updateRecord: MAX_BODY_BYTES,
  restoreRecord: MAX_BODY_BYTES,
  batchEdit: MAX_BODY_BYTES,
  patchRecords: MAX_BODY_BYTES,
  unmergeAuthorities: MAX_BODY_BYTES,
  // Whole files as text: a metadata file (up to the ceiling here; the CLI takes 200 MB), a CSL style (2 MB of characters).
  previewMetadataImport: MAX_BODY_BYTES,
  importMetadata: MAX_BODY_BYTES,
  csvColumns: MAX_BODY_BYTES,
  installStyle: MAX_BODY_BYTES,
  // Up to 10,000 paths of up to 4,096 characters.
  previewImport: MAX_BODY_BYTES,
  importFiles: MAX_BODY_BYTES,
  // Up to 100,000 record ids.
  exportCitations: 4 * MB,
  exportRecords: 4 * MB,
  exportBag: 4 * MB,
  // Internal channels of the job runner (the host refuses them, but their limits stay honest).
  finishExtract: MAX_BODY_BYTES,
  finishJob: MAX_BODY_BYTES,
  finishBagImport: MAX_BODY_BYTES,
  recordFixity: 1 * MB,
  // The contract sets no maximum on a saved search's facet lists or a CSV mapping's columns.
  saveSearch: MAX_BODY_BYTES,
  saveCsvMapping: MAX_BODY_BYTES,
  // A query of up to 100,000 characters (cut to its first 1,000 when searched, and said so).
  searchText: 512 * KB,
  // Up to 10,000 job ids; 5,000 record ids; an authority's 50 other names and its description.
  cancelJobs: 256 * KB,
  citeRecords: 256 * KB,
  createAuthority: 512 * KB,
  updateAuthority: 512 * KB,
  // A collection's description (20,000 characters).
  createCollection: 128 * KB,
  updateCollection: 128 * KB,
  // The window's undo history: up to 1,000,000 characters of JSON.
  putUndoHistory: 3 * MB + 64 * KB,
  // Undoing a deletion carries the ids of the records it moved up (up to 100,000).
  restoreCollection: 3 * MB,
  // An uploaded file's choices for its records: up to 200 tags of up to 100 characters each.
  importUploaded: 128 * KB,
};

/** The most bytes a body sent to this channel may have. */
export function bodyLimit(channel: string): number {
  const own = Object.hasOwn(CHANNEL_BODY_BYTES, channel) ? CHANNEL_BODY_BYTES[channel as Channel] : undefined;
  return Math.min(own ?? DEFAULT_BODY_BYTES, MAX_BODY_BYTES);
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;

/**
 * Follows the nesting of arrays and objects through a body as it arrives, chunk by chunk, so a
 * body nested too deeply is refused at its first chunk rather than after all of it is buffered.
 * One pass over the bytes, skipping strings (with their escapes, also across chunks), so a bracket
 * inside a string does not count. UTF-8 continuation bytes are all ≥ 0x80 and never look like JSON
 * punctuation. A body that is not JSON at all is left for JSON.parse to refuse with its own message.
 */
export class DepthScan {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private offset = 0;
  /** The byte offset at which the nesting went deeper than the limit, or -1 while it has not. */
  exceededAt = -1;

  constructor(private readonly max = MAX_JSON_DEPTH) {}

  /** Scans the next chunk; false once the body is too deep (further chunks are ignored). */
  feed(chunk: Uint8Array): boolean {
    if (this.exceededAt >= 0) return false;
    const n = chunk.length;
    let { depth, inString, escaped } = this;
    for (let i = 0; i < n; i++) {
      const b = chunk[i]!;
      if (inString) {
        if (escaped) escaped = false;
        else if (b === BACKSLASH) escaped = true;
        else if (b === QUOTE) inString = false;
      } else if (b === QUOTE) {
        inString = true;
      } else if (b === OPEN_ARRAY || b === OPEN_OBJECT) {
        if (++depth > this.max) {
          this.exceededAt = this.offset + i;
          return false;
        }
      } else if (b === CLOSE_ARRAY || b === CLOSE_OBJECT) {
        depth--;
      }
    }
    this.depth = depth;
    this.inString = inString;
    this.escaped = escaped;
    this.offset += n;
    return true;
  }
}

/** The byte offset at which a whole body's nesting goes deeper than `max`, or -1. */
export function depthExceededAt(body: Uint8Array, max = MAX_JSON_DEPTH): number {
  const scan = new DepthScan(max);
  scan.feed(body);
  return scan.exceededAt;
}

export interface BodyRefusal {
  status: 400 | 413;
  message: string;
}

/** The answer to a body larger than the channel's limit (by its Content-Length, or while it is read). */
export function tooLarge(channel: string): BodyRefusal {
  const limit = bodyLimit(channel);
  return {
    status: 413,
    // The channel is named only when it is one (the name comes from the URL).
    message:
      limit < MAX_BODY_BYTES && isChannel(channel)
        ? `the request is larger than ${limit} bytes, the most ${channel} takes`
        : `the request is larger than ${limit} bytes`,
  };
}

/** The answer to a body nested deeper than MAX_JSON_DEPTH, found at byte `at`. */
export function tooDeep(at: number): BodyRefusal {
  return {
    status: 400,
    message: `the body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep (at byte ${at}); no input of this app is nested that deeply`,
  };
}
