/**
 * Our own JSON of records (the JSON export, and data/records.json in a bag) read back as import
 * rows: every editable field, and the links by name, kind and role, with the organisation a
 * signatory acted for (authorities are matched by name or created with their kind), so a JSON
 * export imports into another library intact.
 */
import { z } from 'zod';
import { AUTHORITY_KINDS, BIBLIOGRAPHIC_FIELDS, LINK_ROLES, NameParts, RECORD_TYPES } from '../../shared/model';
import type { ImportRow } from './import-records';

const SHA256 = /^[0-9a-f]{64}$/;

export const RecordJson = z
  .object({
    type: z.string(),
    title: z.string(),
    links: z
      .array(
        z.object({
          kind: z.enum(AUTHORITY_KINDS),
          name: z.string(),
          role: z.enum(LINK_ROLES),
          note: z.string().nullable().optional(),
          nameParts: NameParts.nullable().optional(),
          /** The organisation a signatory acted for: by name here, by id too in a bag of a whole library. */
          onBehalfOf: z.object({ id: z.number().optional(), name: z.string() }).nullable().optional(),
        }),
      )
      .default([]),
    files: z
      .array(
        z.object({
          sha256: z.string().regex(SHA256),
          originalName: z.string(),
          mediaType: z.string(),
          size: z.number(),
          path: z.string(),
        }),
      )
      .default([]),
  })
  .passthrough();

/** The editable fields of an exported record (what RecordCreate accepts), leaving out ids, revisions and views. */
const CARRIED = [
  'type',
  'title',
  'titleAlt',
  'titleAltLanguage',
  'date',
  'dateEnd',
  'dateApproximate',
  'description',
  'bodyText',
  'languages',
  'referenceCode',
  'publisher',
  'outlet',
  'programme',
  'medium',
  'url',
  'rights',
  'accessStatus',
  'physicalLocation',
  'extent',
  'notes',
  'agreementKind',
  'dateSigned',
  'placeSigned',
  'commitments',
  'tags',
  'cslType',
  'dateText',
  ...BIBLIOGRAPHIC_FIELDS,
  'extraCsl',
  'cslForms',
];

export type RecordJson = z.output<typeof RecordJson>;

export function recordRows(records: RecordJson[], source?: string): ImportRow[] {
  return records.map((r, i) => ({
    where: { unit: 'record' as const, n: i + 1, ...(source ? { key: source } : {}) },
    fields: Object.fromEntries(
      CARRIED.filter((k) => (r as Record<string, unknown>)[k] !== undefined).map((k) => [
        k,
        (r as Record<string, unknown>)[k],
      ]),
    ),
    names: r.links.map((l) => ({
      name: l.name,
      kind: l.kind,
      role: l.role,
      note: l.note ?? null,
      ...(l.nameParts ? { parts: l.nameParts } : {}),
      ...(l.onBehalfOf ? { onBehalfOf: l.onBehalfOf.name } : {}),
    })),
    role: 'author',
  }));
}

/** True when JSON holds our records rather than CSL-JSON items (our types and links with roles). */
export function looksLikeRecordJson(data: unknown): boolean {
  const list = Array.isArray(data) ? data : [data];
  return (
    list.length > 0 &&
    list.every(
      (r) =>
        typeof r === 'object' &&
        r !== null &&
        (RECORD_TYPES as readonly string[]).includes((r as { type?: string }).type ?? '') &&
        Array.isArray((r as { links?: unknown }).links),
    )
  );
}
