/** Human labels for the model's enums; the record-type and agreement-kind labels come from the model itself. */
import {
  AGREEMENT_KIND_LABELS,
  RECORD_TYPE_LABELS,
  type AccessStatus,
  type AuthorityKind,
  type CommitmentStatus,
  type LinkRole,
  type Medium,
} from '../../../shared/model';

export { AGREEMENT_KIND_LABELS, RECORD_TYPE_LABELS };

export const MEDIUM_LABELS: Record<Medium, string> = {
  television: 'Television',
  radio: 'Radio',
  newspaper: 'Newspaper',
  magazine: 'Magazine',
  web: 'Web',
};

export const ACCESS_LABELS: Record<AccessStatus, string> = {
  open: 'Open',
  restricted: 'Restricted',
  closed: 'Closed',
};

export const COMMITMENT_STATUS_LABELS: Record<CommitmentStatus, string> = {
  proposed: 'Proposed',
  'in-progress': 'In progress',
  fulfilled: 'Fulfilled',
  lapsed: 'Lapsed',
  unknown: 'Status unknown',
};

export const ROLE_LABELS: Record<LinkRole, string> = {
  author: 'Author',
  issuer: 'Issuer',
  signatory: 'Signatory',
  party: 'Party',
  speaker: 'Speaker',
  performer: 'Performer',
  mentioned: 'Mentioned',
  subject: 'Subject',
  photographer: 'Photographer',
  publisher: 'Publisher',
};

export const AUTHORITY_KIND_LABELS: Record<AuthorityKind, string> = {
  person: 'Person',
  organisation: 'Organisation',
  place: 'Place',
  event: 'Event',
  partnership: 'Partnership',
};

export const AUTHORITY_GROUP_LABELS: Record<AuthorityKind, string> = {
  person: 'People',
  organisation: 'Organisations',
  place: 'Places',
  event: 'Events',
  partnership: 'Partnerships',
};
