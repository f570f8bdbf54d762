/**
 * The model's enums as the interface shows them. The English record-type and agreement-kind labels
 * repeat src/shared/model.ts, which the CLI and citations print; the renderer reads these instead.
 */
export const labels = {
  recordType: {
    'press-release': 'Press release',
    agreement: 'Agreement',
    'media-coverage': 'Media coverage',
    photograph: 'Photograph',
    letter: 'Letter',
    report: 'Report',
    'event-programme': 'Event programme',
    other: 'Other',
  },
  agreementKind: {
    mou: 'Memorandum of understanding',
    memorandum: 'Memorandum',
    contract: 'Contract',
    'letter-of-intent': 'Letter of intent',
    agreement: 'Agreement',
  },
  medium: {
    television: 'Television',
    radio: 'Radio',
    newspaper: 'Newspaper',
    magazine: 'Magazine',
    web: 'Web',
  },
  access: {
    open: 'Open',
    restricted: 'Restricted',
    closed: 'Closed',
  },
  commitmentStatus: {
    proposed: 'Proposed',
    'in-progress': 'In progress',
    fulfilled: 'Fulfilled',
    lapsed: 'Lapsed',
    unknown: 'Status unknown',
  },
  role: {
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
  },
  authorityKind: {
    person: 'Person',
    organisation: 'Organisation',
    place: 'Place',
    event: 'Event',
    partnership: 'Partnership',
  },
  authorityGroup: {
    person: 'People',
    organisation: 'Organisations',
    place: 'Places',
    event: 'Events',
    partnership: 'Partnerships',
  },
};
