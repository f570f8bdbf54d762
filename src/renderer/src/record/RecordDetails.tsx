import type { RecordView } from '../../../shared/model';
import { formatRecordDate, formatTimestamp } from '../common/format';
import { ACCESS_LABELS, MEDIUM_LABELS, RECORD_TYPE_LABELS } from '../common/labels';
import { AgreementSection } from './AgreementSection';
import { FieldList } from './FieldList';
import { LinkGroups } from './LinkGroups';

interface Props {
  record: RecordView;
  onShowLinked: (authority: { id: number; name: string }) => void;
}

/** Everything catalogued about one record, as text, with labels; empty fields are not shown. */
export function RecordDetails({ record: r, onShowLinked }: Props) {
  const date = formatRecordDate(r.date, r.dateEnd, r.dateApproximate);
  const isMedia = r.type === 'media-coverage';
  return (
    <>
      <p className="record-kicker">{RECORD_TYPE_LABELS[r.type]}</p>
      {r.titleAlt ? (
        <p className="title-alt-line" lang={r.titleAltLanguage ?? undefined}>
          {r.titleAlt}
        </p>
      ) : null}
      <FieldList
        fields={[
          ['Reference code', r.referenceCode],
          ['Date', date],
          ['Description', r.description ? <p className="prose">{r.description}</p> : null],
          ['Languages', r.languages.join(', ')],
          ['Publisher / issuer', r.publisher],
        ]}
      />
      {isMedia || r.medium || r.outlet || r.programme ? (
        <section className="record-section" aria-labelledby="media-heading">
          <h3 id="media-heading">Media</h3>
          <FieldList
            fields={[
              ['Medium', r.medium ? MEDIUM_LABELS[r.medium] : null],
              ['Outlet', r.outlet],
              ['Programme', r.programme],
            ]}
          />
        </section>
      ) : null}
      <AgreementSection record={r} />
      <LinkGroups links={r.links} onShowLinked={onShowLinked} />
      <section className="record-section" aria-labelledby="description-heading">
        <h3 id="description-heading">Archival description</h3>
        <FieldList
          fields={[
            ['Collection', r.collection?.name],
            [
              'Tags',
              r.tags.length > 0 ? (
                <ul className="tags">
                  {r.tags.map((t) => (
                    <li key={t}>{t}</li>
                  ))}
                </ul>
              ) : null,
            ],
            [
              'Web address',
              r.url ? (
                <a href={r.url} target="_blank" rel="noopener noreferrer">
                  {r.url}
                </a>
              ) : null,
            ],
            ['Rights', r.rights],
            ['Access', ACCESS_LABELS[r.accessStatus]],
            ['Physical location', r.physicalLocation],
            ['Extent', r.extent],
            ['Notes', r.notes ? <p className="prose">{r.notes}</p> : null],
            ['Created', formatTimestamp(r.createdAt)],
            ['Last changed', formatTimestamp(r.updatedAt)],
          ]}
        />
      </section>
      {r.bodyText ? (
        <details className="record-section body-text">
          <summary>Text of the record</summary>
          <p className="prose">{r.bodyText}</p>
        </details>
      ) : null}
    </>
  );
}
