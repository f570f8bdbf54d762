import type { RecordView } from '../../../shared/model';
import { routeHref } from '../app/route';
import { formatRecordDate, formatTimestamp } from '../common/format';
import { ACCESS_LABELS, CSL_TYPE_LABELS, MEDIUM_LABELS, RECORD_TYPE_LABELS } from '../common/labels';
import { PUBLICATION_FIELDS } from '../editor/form';
import { useT } from '../i18n/i18n';
import { AgreementSection } from './AgreementSection';
import { FieldList } from './FieldList';
import { LinkGroups } from './LinkGroups';

interface Props {
  record: RecordView;
  onShowLinked: (authority: { id: number; name: string }) => void;
}

const hasPublication = (r: RecordView) => r.cslType !== null || PUBLICATION_FIELDS.some((f) => r[f]);

/** Everything catalogued about one record, as text, with labels; empty fields are not shown. */
export function RecordDetails({ record: r, onShowLinked }: Props) {
  const { t } = useT('record');
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
          [t('fields.referenceCode'), r.referenceCode],
          [t('fields.date'), date],
          [t('fields.description'), r.description ? <p className="prose">{r.description}</p> : null],
          [t('fields.languages'), r.languages.join(', ')],
          [t('fields.publisher'), r.publisher],
        ]}
      />
      {isMedia || r.medium || r.outlet || r.programme ? (
        <section className="record-section" aria-labelledby="media-heading">
          <h3 id="media-heading">{t('sections.media')}</h3>
          <FieldList
            fields={[
              [t('fields.medium'), r.medium ? MEDIUM_LABELS[r.medium] : null],
              [t('fields.outlet'), r.outlet],
              [t('fields.programme'), r.programme],
            ]}
          />
        </section>
      ) : null}
      <AgreementSection record={r} />
      {hasPublication(r) ? (
        <section className="record-section" aria-labelledby="publication-heading">
          <h3 id="publication-heading">{t('sections.publication')}</h3>
          <FieldList
            fields={[
              [t('fields.cslType'), r.cslType ? CSL_TYPE_LABELS[r.cslType] : null],
              ...PUBLICATION_FIELDS.map((f) => [t(`fields.${f}`), r[f]] as [string, string | null]),
            ]}
          />
        </section>
      ) : null}
      <LinkGroups links={r.links} onShowLinked={onShowLinked} />
      <section className="record-section" aria-labelledby="description-heading">
        <h3 id="description-heading">{t('sections.archival')}</h3>
        <FieldList
          fields={[
            [
              t('fields.collection'),
              r.collection ? (
                <a href={routeHref({ view: 'collection', id: r.collection.id })}>{r.collection.name}</a>
              ) : null,
            ],
            [
              t('fields.tags'),
              r.tags.length > 0 ? (
                <ul className="tags">
                  {r.tags.map((tag) => (
                    <li key={tag}>{tag}</li>
                  ))}
                </ul>
              ) : null,
            ],
            [
              t('fields.url'),
              r.url ? (
                <a href={r.url} target="_blank" rel="noopener noreferrer">
                  {r.url}
                </a>
              ) : null,
            ],
            [t('fields.rights'), r.rights],
            [t('fields.access'), ACCESS_LABELS[r.accessStatus]],
            [t('fields.physicalLocation'), r.physicalLocation],
            [t('fields.extent'), r.extent],
            [t('fields.notes'), r.notes ? <p className="prose">{r.notes}</p> : null],
            [t('fields.created'), formatTimestamp(r.createdAt)],
            [t('fields.updated'), formatTimestamp(r.updatedAt)],
          ]}
        />
      </section>
      {r.bodyText ? (
        <details className="record-section body-text">
          <summary>{t('sections.bodyText')}</summary>
          <p className="prose">{r.bodyText}</p>
        </details>
      ) : null}
    </>
  );
}
