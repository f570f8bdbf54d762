/**
 * Human labels for the model's enums, in the interface language. Each table reads the current
 * language's catalogue whenever a label is looked up, so `RECORD_TYPE_LABELS[type]` in any
 * component shows the chosen language after the next render (the app re-renders on a switch).
 * The shared model's English tables (src/shared/model.ts) stay as they are for the CLI and citations.
 */
import type {
  AccessStatus,
  AgreementKind,
  AuthorityKind,
  CollectionLevel,
  CommitmentStatus,
  CSL_TYPES,
  LinkRole,
  Medium,
  RecordType,
} from '../../../shared/model';
import { currentLanguage } from '../i18n/i18n';
import { resources } from '../i18n/resources';

type Tables = (typeof resources)['en']['labels'];

function live<G extends keyof Tables, K extends string>(group: G, keys: readonly K[]): Readonly<Record<K, string>> {
  const table = {} as Record<K, string>;
  for (const key of keys) {
    Object.defineProperty(table, key, {
      enumerable: true,
      get: () => (resources[currentLanguage()].labels[group] as Record<string, string>)[key] ?? key,
    });
  }
  return Object.freeze(table);
}

const keysOf = <G extends keyof Tables>(group: G) => Object.keys(resources.en.labels[group]);

export const RECORD_TYPE_LABELS = live('recordType', keysOf('recordType') as RecordType[]);
export const AGREEMENT_KIND_LABELS = live('agreementKind', keysOf('agreementKind') as AgreementKind[]);
export const MEDIUM_LABELS = live('medium', keysOf('medium') as Medium[]);
export const ACCESS_LABELS = live('access', keysOf('access') as AccessStatus[]);
export const COMMITMENT_STATUS_LABELS = live('commitmentStatus', keysOf('commitmentStatus') as CommitmentStatus[]);
export const ROLE_LABELS = live('role', keysOf('role') as LinkRole[]);
export const CSL_TYPE_LABELS = live('cslType', keysOf('cslType') as (typeof CSL_TYPES)[number][]);
export const AUTHORITY_KIND_LABELS = live('authorityKind', keysOf('authorityKind') as AuthorityKind[]);
export const AUTHORITY_GROUP_LABELS = live('authorityGroup', keysOf('authorityGroup') as AuthorityKind[]);
export const COLLECTION_LEVEL_LABELS = live('collectionLevel', keysOf('collectionLevel') as CollectionLevel[]);

// The catalogue must name every value of every enum: a new record type without a label is a type error here.
type Covers<T extends string, Table> = [T] extends [keyof Table] ? true : never;
const covered: [
  Covers<RecordType, Tables['recordType']>,
  Covers<AgreementKind, Tables['agreementKind']>,
  Covers<Medium, Tables['medium']>,
  Covers<AccessStatus, Tables['access']>,
  Covers<CommitmentStatus, Tables['commitmentStatus']>,
  Covers<LinkRole, Tables['role']>,
  Covers<AuthorityKind, Tables['authorityKind']>,
  Covers<(typeof CSL_TYPES)[number], Tables['cslType']>,
  Covers<CollectionLevel, Tables['collectionLevel']>,
] = [true, true, true, true, true, true, true, true, true];
void covered;
