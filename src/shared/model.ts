/**
 * The record model: what an archivist describes, as zod schemas. The SQLite schema
 * (src/main/catalogue/migrations) stores exactly these fields; types flow from here.
 */
import { z } from 'zod';
import { partialDateProblem, rangeProblem } from './partial-date';

export const RECORD_TYPES = [
  'press-release',
  'agreement',
  'media-coverage',
  'photograph',
  'letter',
  'report',
  'event-programme',
  'other',
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** A published item's bibliographic fields, beside its CSL type and date as written, in the order the app shows them. */
export const BIBLIOGRAPHIC_FIELDS = [
  'containerTitle',
  'collectionTitle',
  'volume',
  'issue',
  'page',
  'edition',
  'number',
  'publisherPlace',
  'genre',
  'format',
  'doi',
  'isbn',
  'issn',
  'accessed',
] as const;

export const RECORD_TYPE_LABELS: Record<RecordType, string> = {
  'press-release': 'Press release',
  agreement: 'Agreement',
  'media-coverage': 'Media coverage',
  photograph: 'Photograph',
  letter: 'Letter',
  report: 'Report',
  'event-programme': 'Event programme',
  other: 'Other',
};

export const AGREEMENT_KINDS = ['mou', 'memorandum', 'contract', 'letter-of-intent', 'agreement'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];
export const AGREEMENT_KIND_LABELS: Record<AgreementKind, string> = {
  mou: 'Memorandum of understanding',
  memorandum: 'Memorandum',
  contract: 'Contract',
  'letter-of-intent': 'Letter of intent',
  agreement: 'Agreement',
};

export const MEDIA = ['television', 'radio', 'newspaper', 'magazine', 'web'] as const;
export type Medium = (typeof MEDIA)[number];

export const ACCESS_STATUSES = ['open', 'restricted', 'closed'] as const;
export type AccessStatus = (typeof ACCESS_STATUSES)[number];

export const COMMITMENT_STATUSES = ['proposed', 'in-progress', 'fulfilled', 'lapsed', 'unknown'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

export const AUTHORITY_KINDS = ['person', 'organisation', 'place', 'event', 'partnership'] as const;
export type AuthorityKind = (typeof AUTHORITY_KINDS)[number];

export const LINK_ROLES = [
  'author',
  'issuer',
  'signatory',
  'party',
  'speaker',
  'performer',
  'mentioned',
  'subject',
  'photographer',
  'publisher',
  // CSL's name roles of a published item (editors, translators...): links, so they are authority records too.
  'editor',
  'translator',
  'container-author',
  'collection-editor',
  'director',
  'interviewer',
  'recipient',
  'reviewed-author',
  'illustrator',
  'composer',
  'compiler',
  'contributor',
] as const;
export type LinkRole = (typeof LINK_ROLES)[number];

/** The roles that are CSL name variables of the same name (besides the author, whose role follows the record type). */
export const CSL_NAME_ROLES = [
  'editor',
  'translator',
  'container-author',
  'collection-editor',
  'director',
  'interviewer',
  'recipient',
  'reviewed-author',
  'illustrator',
  'composer',
  'compiler',
  'contributor',
] as const satisfies readonly LinkRole[];

/** The item types of CSL 1.0.2: what a published item is, beside the archival record type. */
export const CSL_TYPES = [
  'article',
  'article-journal',
  'article-magazine',
  'article-newspaper',
  'bill',
  'book',
  'broadcast',
  'chapter',
  'classic',
  'collection',
  'dataset',
  'document',
  'entry',
  'entry-dictionary',
  'entry-encyclopedia',
  'event',
  'figure',
  'graphic',
  'hearing',
  'interview',
  'legal_case',
  'legislation',
  'manuscript',
  'map',
  'motion_picture',
  'musical_score',
  'pamphlet',
  'paper-conference',
  'patent',
  'performance',
  'periodical',
  'personal_communication',
  'post',
  'post-weblog',
  'regulation',
  'report',
  'review',
  'review-book',
  'software',
  'song',
  'speech',
  'standard',
  'thesis',
  'treaty',
  'webpage',
] as const;

/**
 * The languages OCR reads an import's pages in: English, Chinese (simplified), both (each page
 * is read in English first, and again with both only when English reads it poorly), or no OCR.
 */
export const OCR_CHOICES = ['eng', 'chi_sim', 'eng+chi_sim', 'off'] as const;
export type OcrChoice = (typeof OCR_CHOICES)[number];

/** ISAD(G)'s levels of description, from the whole (a fonds) down to one item; keys, worded by each door. */
export const COLLECTION_LEVELS = ['fonds', 'sub-fonds', 'series', 'sub-series', 'file', 'item'] as const;
export type CollectionLevel = (typeof COLLECTION_LEVELS)[number];

/**
 * ISAD(G)'s order of levels: a collection is never above the one it is inside (a fonds holds
 * series, a series files; a fonds inside a file is refused). The same level below is allowed.
 */
export function levelFitsInside(level: CollectionLevel, parentLevel: CollectionLevel): boolean {
  return COLLECTION_LEVELS.indexOf(level) >= COLLECTION_LEVELS.indexOf(parentLevel);
}

// ---------------------------------------------------------------- field schemas

export const Id = z.number({ error: 'must be a number' }).int('must be a whole number').positive('must be positive');

/** Trimmed text; empty text means "no value" (null), as an archivist clearing a field expects. */
export const OptionalText = (max = 20_000) =>
  z
    .string({ error: 'must be text' })
    .max(max, `must be at most ${max} characters`)
    .transform((s) => (s.trim() === '' ? null : s.trim()))
    .nullable()
    .optional();

/** Required, trimmed text. Messages leave out the field's name: the service prefixes it ("title: must not be empty"). */
export const RequiredText = (max = 2_000) =>
  z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/**
 * A path on this machine, absolute: the service never resolves a path against its own working
 * folder (a door resolves what its user typed; the CLI against the shell's folder).
 */
export const AbsolutePath = z
  .string({ error: 'must be a path' })
  .trim()
  .min(1, 'must not be empty')
  .max(4_096)
  .refine((p) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p), 'must be an absolute path');

const PartialDate = z
  .string({ error: 'must be a date as text' })
  .trim()
  .superRefine((value, ctx) => {
    const problem = partialDateProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, params: { problem: 'not_date', value } });
  });

const OptionalPartialDate = z.union([z.literal('').transform(() => null), PartialDate, z.null()]).optional();

const Language = z
  .string({ error: 'must be a language tag' })
  .trim()
  .superRefine((tag, ctx) => {
    try {
      Intl.getCanonicalLocales(tag);
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: `"${tag}" is not a BCP 47 language tag (e.g. en, zh-Hans)`,
        params: { problem: 'not_language', value: tag },
      });
    }
  })
  .transform((tag) => Intl.getCanonicalLocales(tag)[0] ?? tag);

const Url = z
  .string()
  .trim()
  .transform((s) => (s === '' ? null : s))
  .nullable()
  .superRefine((value, ctx) => {
    if (value === null) return;
    let parsed: URL | null = null;
    try {
      parsed = new URL(value);
    } catch {
      /* reported below */
    }
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol)) {
      ctx.addIssue({
        code: 'custom',
        message: `"${value}" is not a web address (http:// or https://)`,
        params: { problem: 'not_url', value },
      });
    }
  })
  .optional();

/**
 * A name as CSL splits it (family, given, particles, suffix, or a literal name kept whole): kept on a
 * person's or organisation's authority record so that citations sort and print it as its source did.
 */
export const NameParts = z.strictObject({
  family: z.string().max(500).optional(),
  given: z.string().max(500).optional(),
  literal: z.string().max(500).optional(),
  suffix: z.string().max(100).optional(),
  'non-dropping-particle': z.string().max(100).optional(),
  'dropping-particle': z.string().max(100).optional(),
  'comma-suffix': z.union([z.boolean(), z.string(), z.number()]).optional(),
  'static-ordering': z.union([z.boolean(), z.string(), z.number()]).optional(),
  'parse-names': z.union([z.boolean(), z.string(), z.number()]).optional(),
});
export type NameParts = z.output<typeof NameParts>;

const CJK_NAME = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * The name an authority record gets from CSL name parts: "Arnold van Gennep", "Martin Luther King
 * Jr.", "周峰" (CJK family name first, no space), or the literal name.
 */
export function nameFromParts(n: NameParts): string {
  if (n.literal) return n.literal.trim();
  const family = [n['non-dropping-particle'], n.family].filter(Boolean).join(' ');
  if (CJK_NAME.test(`${n.family ?? ''}${n.given ?? ''}`) && !n['dropping-particle'] && !n['non-dropping-particle'])
    return `${n.family ?? ''}${n.given ?? ''}${n.suffix ? ` ${n.suffix}` : ''}`.trim();
  return [n.given, n['dropping-particle'], family, n.suffix]
    .filter((p) => p && p.trim())
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Any JSON value: what a CSL variable the record has no field for holds (kept verbatim). */
const JsonValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(JsonValue), z.record(z.string(), JsonValue)]),
);

/**
 * How deep verbatim CSL values may nest. CSL's deepest (a date's date-parts inside a variable inside
 * a form) is 4; the bound keeps these records well inside the browser host's JSON depth limit.
 */
export const MAX_CSL_VALUE_DEPTH = 16;

function depthOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  const inner = Array.isArray(value) ? value : Object.values(value);
  return 1 + inner.reduce<number>((d, v) => Math.max(d, depthOf(v)), 0);
}

const shallow = (v: unknown) => depthOf(v) <= MAX_CSL_VALUE_DEPTH;
const TOO_DEEP = `must nest at most ${MAX_CSL_VALUE_DEPTH} levels deep`;

/** CSL variables without a field of their own ("collection-number", "event-place", a season...), by variable name. */
const ExtraCsl = z
  .record(z.string().min(1).max(100), JsonValue)
  .refine((v) => JSON.stringify(v).length <= 200_000, 'must be at most 200,000 characters as JSON')
  .refine(shallow, TOO_DEEP)
  .nullable()
  .optional();

const Commitment = z.strictObject({
  text: RequiredText(),
  status: z.enum(COMMITMENT_STATUSES).default('unknown'),
});
export type Commitment = z.output<typeof Commitment>;

const LinkInput = z.strictObject({
  authorityId: Id,
  role: z.enum(LINK_ROLES),
  note: OptionalText(500),
  /** The organisation this person acted for (a signatory signing on behalf of a council). */
  onBehalfOf: Id.nullable().optional(),
});

export const Tag = z
  .string({ error: 'a tag must be text' })
  .trim()
  .min(1, 'a tag must not be empty')
  .max(100, 'a tag must be at most 100 characters');

/** Editable fields of a record. Every one but type and title may be left out. */
const recordFieldShape = {
  title: RequiredText(),
  titleAlt: OptionalText(2_000),
  titleAltLanguage: Language.nullable().optional(),
  date: OptionalPartialDate,
  dateEnd: OptionalPartialDate,
  dateApproximate: z.boolean().optional(),
  description: OptionalText(),
  bodyText: OptionalText(2_000_000),
  languages: z.array(Language).max(20).optional(),
  referenceCode: OptionalText(200),
  publisher: OptionalText(500),
  outlet: OptionalText(500),
  programme: OptionalText(500),
  medium: z.enum(MEDIA).nullable().optional(),
  url: Url,
  rights: OptionalText(2_000),
  accessStatus: z.enum(ACCESS_STATUSES).optional(),
  physicalLocation: OptionalText(500),
  extent: OptionalText(500),
  notes: OptionalText(),
  agreementKind: z.enum(AGREEMENT_KINDS).nullable().optional(),
  dateSigned: OptionalPartialDate,
  placeSigned: OptionalText(500),
  commitments: z.array(Commitment).max(500).optional(),
  collectionId: Id.nullable().optional(),
  links: z.array(LinkInput).max(1_000).optional(),
  tags: z.array(Tag).max(200).optional(),
  // The bibliographic description of a published item (CSL's variables of the same meaning).
  cslType: z.enum(CSL_TYPES).nullable().optional(),
  /** The date as the source writes it ("[1965?]", "1980ff", "Ming dynasty"): printed instead of the date. */
  dateText: OptionalText(200),
  containerTitle: OptionalText(2_000),
  collectionTitle: OptionalText(2_000),
  volume: OptionalText(100),
  issue: OptionalText(100),
  page: OptionalText(100),
  edition: OptionalText(100),
  number: OptionalText(200),
  publisherPlace: OptionalText(500),
  genre: OptionalText(500),
  /** The physical or digital form ("16 mm film", "LP", "Audio recording"): CSL's medium. */
  format: OptionalText(500),
  doi: OptionalText(500),
  isbn: OptionalText(200),
  issn: OptionalText(200),
  accessed: OptionalPartialDate,
  extraCsl: ExtraCsl,
  /**
   * The exact form an imported item gave a variable our fields hold in another form (a season, a
   * number as a number, a name split otherwise), with what our fields made of it then: while they
   * still make that, the citation prints the source's form. `null` as the form: the source had none.
   */
  cslForms: z
    .record(z.string().min(1).max(100), z.tuple([JsonValue, JsonValue]))
    .refine((v) => JSON.stringify(v).length <= 200_000, 'must be at most 200,000 characters as JSON')
    .refine(shallow, TOO_DEEP)
    .nullable()
    .optional(),
};

type FieldsForCheck = {
  type?: RecordType | undefined;
  date?: string | null | undefined;
  dateEnd?: string | null | undefined;
  medium?: string | null | undefined;
  agreementKind?: string | null | undefined;
  dateSigned?: string | null | undefined;
  placeSigned?: string | null | undefined;
  commitments?: unknown[] | undefined;
};

/** Cross-field rules. `type` is the record's type after the change (known on create). */
export function recordFieldProblems(v: FieldsForCheck, ctx: z.RefinementCtx): void {
  if (v.dateEnd && !v.date) {
    ctx.addIssue({
      code: 'custom',
      path: ['dateEnd'],
      message: 'an end date needs a start date',
      params: { problem: 'end_without_start' },
    });
  }
  if (v.date && v.dateEnd) {
    const problem = rangeProblem(v.date, v.dateEnd);
    if (problem)
      ctx.addIssue({ code: 'custom', path: ['dateEnd'], message: problem, params: { problem: 'end_before_start' } });
  }
  if (v.type && v.type !== 'media-coverage' && v.medium) {
    ctx.addIssue({
      code: 'custom',
      path: ['medium'],
      message: 'only media coverage has a medium',
      params: { problem: 'only_media_coverage' },
    });
  }
  if (v.type && v.type !== 'agreement') {
    for (const field of ['agreementKind', 'dateSigned', 'placeSigned'] as const) {
      if (v[field]) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `only agreements have ${field}`,
          params: { problem: 'only_agreements' },
        });
      }
    }
    if (v.commitments && v.commitments.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['commitments'],
        message: 'only agreements have commitments',
        params: { problem: 'only_agreements' },
      });
    }
  }
}

export const RecordCreate = z
  .strictObject({ type: z.enum(RECORD_TYPES), ...recordFieldShape })
  .superRefine(recordFieldProblems);
export type RecordCreateInput = z.input<typeof RecordCreate>;
export type RecordCreate = z.output<typeof RecordCreate>;

/**
 * A link to a person or body the archivist created while describing the record: the authority is
 * created with the record, in the same transaction, so a form that is cancelled (or a save that
 * is refused) leaves no stray authority behind. Appended after the record's other links.
 */
export const NewLink = z.strictObject({
  kind: z.enum(AUTHORITY_KINDS),
  name: RequiredText(500),
  role: z.enum(LINK_ROLES),
  note: OptionalText(500),
});
export type NewLink = z.output<typeof NewLink>;
export const NewLinks = z.array(NewLink).max(100).optional();

/** A record to create, with the links to authorities to create along with it. */
export const RecordCreateWithLinks = z
  .strictObject({ type: z.enum(RECORD_TYPES), ...recordFieldShape, newLinks: NewLinks })
  .superRefine(recordFieldProblems);

/** A patch: only the fields present change; `null` or "" clears a field. */
export const RecordPatch = z.strictObject({
  type: z.enum(RECORD_TYPES).optional(),
  ...Object.fromEntries(Object.entries(recordFieldShape).map(([k, s]) => [k, s.optional()])),
} as { type: z.ZodOptional<z.ZodEnum<{ [K in RecordType]: K }>> } & {
  [K in keyof typeof recordFieldShape]: z.ZodOptional<(typeof recordFieldShape)[K]>;
});
export type RecordPatch = z.output<typeof RecordPatch>;

// ---------------------------------------------------------------- outputs

export const LinkView = z.object({
  authorityId: z.number(),
  kind: z.enum(AUTHORITY_KINDS),
  name: z.string(),
  /** The authority's name split as CSL does, when known (an imported bibliography's names). */
  nameParts: NameParts.nullable(),
  role: z.enum(LINK_ROLES),
  note: z.string().nullable(),
  /** The organisation this person acted for, if any. */
  onBehalfOf: z.object({ id: z.number(), name: z.string() }).nullable().optional(),
});
export type LinkView = z.output<typeof LinkView>;

export const RecordSummary = z.object({
  id: z.number(),
  type: z.enum(RECORD_TYPES),
  title: z.string(),
  titleAlt: z.string().nullable(),
  date: z.string().nullable(),
  dateEnd: z.string().nullable(),
  dateApproximate: z.boolean(),
  referenceCode: z.string().nullable(),
  accessStatus: z.enum(ACCESS_STATUSES),
  updatedAt: z.string(),
});
export type RecordSummary = z.output<typeof RecordSummary>;

/**
 * The roles that name who made a record (ISAD(G)'s "name of creator"): its author, the body that
 * issued it, the parties and signatories of an agreement, the photographer of a photograph.
 */
export const CREATOR_ROLES = ['author', 'issuer', 'party', 'signatory', 'photographer'] as const satisfies LinkRole[];

/** A row of the library list: the summary, who made it, where it is filed and its tags. */
export const RecordRow = RecordSummary.extend({
  creators: z.array(z.string()),
  collection: z.object({ id: z.number(), name: z.string() }).nullable(),
  tags: z.array(z.string()),
});
export type RecordRow = z.output<typeof RecordRow>;

export const RecordView = RecordSummary.extend({
  titleAltLanguage: z.string().nullable(),
  description: z.string().nullable(),
  bodyText: z.string().nullable(),
  languages: z.array(z.string()),
  publisher: z.string().nullable(),
  outlet: z.string().nullable(),
  programme: z.string().nullable(),
  medium: z.enum(MEDIA).nullable(),
  url: z.string().nullable(),
  rights: z.string().nullable(),
  physicalLocation: z.string().nullable(),
  extent: z.string().nullable(),
  notes: z.string().nullable(),
  agreementKind: z.enum(AGREEMENT_KINDS).nullable(),
  dateSigned: z.string().nullable(),
  placeSigned: z.string().nullable(),
  commitments: z.array(z.object({ text: z.string(), status: z.enum(COMMITMENT_STATUSES) })),
  collection: z.object({ id: z.number(), name: z.string() }).nullable(),
  links: z.array(LinkView),
  tags: z.array(z.string()),
  cslType: z.enum(CSL_TYPES).nullable(),
  dateText: z.string().nullable(),
  containerTitle: z.string().nullable(),
  collectionTitle: z.string().nullable(),
  volume: z.string().nullable(),
  issue: z.string().nullable(),
  page: z.string().nullable(),
  edition: z.string().nullable(),
  number: z.string().nullable(),
  publisherPlace: z.string().nullable(),
  genre: z.string().nullable(),
  format: z.string().nullable(),
  doi: z.string().nullable(),
  isbn: z.string().nullable(),
  issn: z.string().nullable(),
  accessed: z.string().nullable(),
  extraCsl: z.record(z.string(), z.unknown()).nullable(),
  cslForms: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])).nullable(),
  createdAt: z.string(),
  revision: z.number(),
});
export type RecordView = z.output<typeof RecordView>;

/**
 * A record as the input that would write it again: what restoring a deleted record inserts, and
 * the full patch with which undo puts an edited record back as it was.
 */
export function recordInputOf(r: RecordView): RecordCreate {
  return {
    type: r.type,
    title: r.title,
    titleAlt: r.titleAlt,
    titleAltLanguage: r.titleAltLanguage,
    date: r.date,
    dateEnd: r.dateEnd,
    dateApproximate: r.dateApproximate,
    description: r.description,
    bodyText: r.bodyText,
    languages: r.languages,
    referenceCode: r.referenceCode,
    publisher: r.publisher,
    outlet: r.outlet,
    programme: r.programme,
    medium: r.medium,
    url: r.url,
    rights: r.rights,
    accessStatus: r.accessStatus,
    physicalLocation: r.physicalLocation,
    extent: r.extent,
    notes: r.notes,
    agreementKind: r.agreementKind,
    dateSigned: r.dateSigned,
    placeSigned: r.placeSigned,
    commitments: r.commitments,
    collectionId: r.collection?.id ?? null,
    links: r.links.map((l) => ({
      authorityId: l.authorityId,
      role: l.role,
      note: l.note,
      ...(l.onBehalfOf ? { onBehalfOf: l.onBehalfOf.id } : {}),
    })),
    tags: r.tags,
    ...bibliographicInputOf(r),
  };
}

/** The bibliographic fields of a record, as input. */
function bibliographicInputOf(r: RecordView) {
  return {
    cslType: r.cslType,
    dateText: r.dateText,
    containerTitle: r.containerTitle,
    collectionTitle: r.collectionTitle,
    volume: r.volume,
    issue: r.issue,
    page: r.page,
    edition: r.edition,
    number: r.number,
    publisherPlace: r.publisherPlace,
    genre: r.genre,
    format: r.format,
    doi: r.doi,
    isbn: r.isbn,
    issn: r.issn,
    accessed: r.accessed,
    extraCsl: r.extraCsl,
    cslForms: r.cslForms,
  };
}

// ---------------------------------------------------------------- authorities

const AltName = z.strictObject({
  name: RequiredText(500),
  language: Language.nullable().optional(),
});

const authorityFieldShape = {
  name: RequiredText(500),
  altNames: z.array(AltName).max(50).optional(),
  description: OptionalText(),
  /** Event date, or the date a partnership began. */
  date: OptionalPartialDate,
  dateEnd: OptionalPartialDate,
  /** Where an event took place (a place authority). */
  placeId: Id.nullable().optional(),
  /** The name split as CSL does (from an imported bibliography); used while it still spells `name`. */
  nameParts: NameParts.nullable().optional(),
};

export const AuthorityCreate = z
  .strictObject({ kind: z.enum(AUTHORITY_KINDS), ...authorityFieldShape })
  .superRefine((v, ctx) => {
    recordFieldProblems({ date: v.date, dateEnd: v.dateEnd }, ctx);
    if (v.placeId && v.kind !== 'event') {
      ctx.addIssue({
        code: 'custom',
        path: ['placeId'],
        message: 'only events have a place',
        params: { problem: 'only_events' },
      });
    }
  });
export type AuthorityCreate = z.output<typeof AuthorityCreate>;

export const AuthorityPatch = z.strictObject({
  name: authorityFieldShape.name.optional(),
  altNames: authorityFieldShape.altNames,
  description: authorityFieldShape.description,
  date: authorityFieldShape.date,
  dateEnd: authorityFieldShape.dateEnd,
  placeId: authorityFieldShape.placeId,
  nameParts: authorityFieldShape.nameParts,
});
export type AuthorityPatch = z.output<typeof AuthorityPatch>;

export const AuthorityView = z.object({
  id: z.number(),
  kind: z.enum(AUTHORITY_KINDS),
  name: z.string(),
  altNames: z.array(z.object({ name: z.string(), language: z.string().nullable() })),
  description: z.string().nullable(),
  date: z.string().nullable(),
  dateEnd: z.string().nullable(),
  place: z.object({ id: z.number(), name: z.string() }).nullable(),
  nameParts: NameParts.nullable(),
  recordCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AuthorityView = z.output<typeof AuthorityView>;

// ---------------------------------------------------------------- collections, tags

export const CollectionCreate = z.strictObject({
  name: RequiredText(500),
  level: z.enum(COLLECTION_LEVELS).default('series'),
  parentId: Id.nullable().optional(),
  referenceCode: OptionalText(200),
  description: OptionalText(),
});
export const CollectionPatch = z.strictObject({
  name: RequiredText(500).optional(),
  level: z.enum(COLLECTION_LEVELS).optional(),
  parentId: Id.nullable().optional(),
  referenceCode: OptionalText(200),
  description: OptionalText(),
});
export type CollectionCreate = z.output<typeof CollectionCreate>;
export type CollectionPatch = z.output<typeof CollectionPatch>;

export const CollectionView = z.object({
  id: z.number(),
  name: z.string(),
  level: z.enum(COLLECTION_LEVELS),
  parentId: z.number().nullable(),
  referenceCode: z.string().nullable(),
  description: z.string().nullable(),
  recordCount: z.number(),
});
export type CollectionView = z.output<typeof CollectionView>;

/** A collection's page: where it sits, and its dates and extent computed from its records and those below it. */
export const CollectionSummary = z.object({
  collection: CollectionView,
  /** Its ancestors, the fonds first. */
  path: z.array(z.object({ id: z.number(), name: z.string(), level: z.enum(COLLECTION_LEVELS) })),
  children: z.number(),
  /** Counted over the collection and every collection below it. */
  records: z.number(),
  files: z.number(),
  bytes: z.number(),
  /** The earliest (start) date and the latest (end, else start) date of those records; null when none is dated. */
  earliest: z.string().nullable(),
  latest: z.string().nullable(),
});
export type CollectionSummary = z.output<typeof CollectionSummary>;

export const TagView = z.object({ name: z.string(), count: z.number() });
export type TagView = z.output<typeof TagView>;
