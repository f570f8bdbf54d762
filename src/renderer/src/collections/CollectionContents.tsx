/** What a collection's page lists: the collections inside it and its first records. */
import type { OutputOf } from '../../../shared/contract';
import { routeHref } from '../app/route';
import { ErrorText } from '../common/ErrorText';
import { formatRecordDate } from '../common/format';
import { COLLECTION_LEVEL_LABELS, RECORD_TYPE_LABELS } from '../common/labels';
import type { Loaded } from '../common/useResult';
import { useT } from '../i18n/i18n';

export function CollectionChildren({ inside }: { inside: OutputOf<'listCollections'> }) {
  const { t } = useT('collections');
  if (inside.length === 0) return null;
  return (
    <section className="record-section" aria-labelledby="collection-inside-heading">
      <h3 id="collection-inside-heading">{t('page.subcollections')}</h3>
      <ul className="collection-children">
        {inside.map((x) => (
          <li key={x.id}>
            <a href={routeHref({ view: 'collection', id: x.id })}>{x.name}</a>{' '}
            <span className="level">{COLLECTION_LEVEL_LABELS[x.level]}</span>{' '}
            <span className="muted">{t('page.records', { count: x.recordCount })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

interface RecordsProps {
  records: Loaded<OutputOf<'listRecords'>>;
  onShowInList: () => void;
}

export function CollectionRecords({ records, onShowInList }: RecordsProps) {
  const { t } = useT('collections');
  const listed = records.value?.items ?? [];
  const total = records.value?.total ?? 0;
  return (
    <section className="record-section" aria-labelledby="collection-records-heading">
      <h3 id="collection-records-heading">
        {t('page.recordsHeading')} ({total})
      </h3>
      <ErrorText error={records.error} prefix={t('page.loadFailed')} />
      {records.value && total === 0 ? <p className="muted">{t('page.noRecords')}</p> : null}
      {listed.length > 0 ? (
        <ul className="authority-records">
          {listed.map((r) => (
            <li key={r.id}>
              <a href={routeHref({ view: 'record', id: r.id })}>{r.title}</a>
              <span className="facts">
                {[RECORD_TYPE_LABELS[r.type], formatRecordDate(r.date, r.dateEnd, r.dateApproximate)]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {total > listed.length ? <p className="muted">{t('page.more', { count: total - listed.length })}</p> : null}
      {total > 0 ? (
        <button type="button" className="quiet" onClick={onShowInList}>
          {t('page.showInList')}
        </button>
      ) : null}
    </section>
  );
}
