/**
 * A collection's page, as an archival description reads: where it sits, its level, reference
 * code and description, its dates and extent (computed from its records and those of everything
 * inside it), the collections inside it and its records. From here it is edited, moved or deleted,
 * and cited or exported as a whole.
 */
import { useEffect, useState } from 'react';
import { navigate, routeHref } from '../app/route';
import { archive } from '../archive';
import { CiteDialog } from '../cite/CiteDialog';
import { saveText } from '../common/download';
import { ErrorText } from '../common/ErrorText';
import { formatRecordDate } from '../common/format';
import { COLLECTION_LEVEL_LABELS } from '../common/labels';
import { useResult } from '../common/useResult';
import { formatBytes } from '../documents/files';
import { useT } from '../i18n/i18n';
import { FieldList } from '../record/FieldList';
import type { ArchiveError } from '../../../shared/result';
import { allRecordIds } from './allRecordIds';
import { CollectionChildren, CollectionRecords } from './CollectionContents';
import { useArrangement } from './useArrangement';
import './collections.css';

interface Props {
  id: number;
  revision: number;
  onChanged: () => void;
  /** "Show in the list": the list narrowed to this collection and everything inside it. */
  onShowInList: (collection: { id: number; name: string }) => void;
}

/** The records listed on the page; the rest are a click away in the list. */
const SHOWN = 100;

export function CollectionPage({ id, revision, onChanged, onShowInList }: Props) {
  const { t } = useT('collections');
  const summary = useResult(() => archive.collectionSummary({ id }), [id, revision]);
  const collections = useResult(() => archive.listCollections({}), [revision]);
  const records = useResult(
    () => archive.listRecords({ collectionId: id, subcollections: true, sort: 'date', direction: 'asc', limit: SHOWN }),
    [id, revision],
  );
  const [message, setMessage] = useState('');
  const [failure, setFailure] = useState<ArchiveError | null>(null);
  const [citing, setCiting] = useState<number[] | null>(null);
  useEffect(() => (setMessage(''), setFailure(null), setCiting(null)), [id]);
  const arrange = useArrangement({
    collections: collections.value ?? [],
    onChanged,
    onMessage: setMessage,
    onDeleted: () => navigate({ view: 'none' }),
    onCreated: (c) => navigate({ view: 'collection', id: c.id }),
  });

  const s = summary.value && summary.value.collection.id === id ? summary.value : null;
  if (!s) {
    return (
      <section className="record-pane">
        {summary.error?.code === 'not_found' ? (
          <p className="muted">{t('page.gone')}</p>
        ) : (
          <ErrorText error={summary.error} prefix={t('page.loadFailed')} />
        )}
      </section>
    );
  }
  const c = s.collection;
  const inside = (collections.value ?? []).filter((x) => x.parentId === c.id);
  const dates =
    s.earliest && s.latest
      ? formatRecordDate(s.earliest, s.latest === s.earliest ? null : s.latest)
      : t('page.datesNone');
  const extent = [
    t('page.records', { count: s.records }),
    t('page.files', { count: s.files }),
    s.files > 0 ? formatBytes(s.bytes) : null,
  ]
    .filter(Boolean)
    .join(' · ');

  const cite = async () => {
    const all = await allRecordIds(c.id);
    if (!all.ok) return setFailure(all.error);
    setCiting(all.ids);
  };
  const exportAs = async (format: 'csv' | 'json') => {
    setFailure(null);
    const all = await allRecordIds(c.id);
    if (!all.ok) return setFailure(all.error);
    const result = await archive.exportRecords({ ids: all.ids, format });
    if (!result.ok) return setFailure(result.error);
    const name = `${c.referenceCode || c.name}`.replace(/[\\/:*?"<>|]+/g, '-');
    saveText(`${name}.${format}`, result.value.content, format === 'csv' ? 'text/csv' : 'application/json');
    setMessage(t('page.exported', { count: result.value.count, format: format.toUpperCase() }));
  };

  return (
    <section className="record-pane collection-page" aria-labelledby="collection-heading">
      <header className="record-header">
        <h2 id="collection-heading" tabIndex={-1}>
          {c.name}
        </h2>
      </header>
      <p className="record-kicker">{COLLECTION_LEVEL_LABELS[c.level]}</p>
      {/* Below the heading, not beside it: a long name and three buttons do not share a narrow pane. */}
      <div className="page-actions">
        <button type="button" onClick={() => arrange.edit(c)}>
          {t('page.edit')}
        </button>
        <button type="button" onClick={() => arrange.move(c)}>
          {t('page.move')}
        </button>
        <button type="button" onClick={() => arrange.remove(c)}>
          {t('page.delete')}
        </button>
      </div>
      <p className="collection-status" role="status">
        {message}
      </p>
      <FieldList
        fields={[
          [
            t('page.within'),
            s.path.length ? (
              <ol className="collection-path">
                {s.path.map((p) => (
                  <li key={p.id}>
                    <a href={routeHref({ view: 'collection', id: p.id })}>{p.name}</a>{' '}
                    <span className="level">{COLLECTION_LEVEL_LABELS[p.level]}</span>
                  </li>
                ))}
              </ol>
            ) : null,
          ],
          [t('page.level'), COLLECTION_LEVEL_LABELS[c.level]],
          [t('page.referenceCode'), c.referenceCode],
          [t('page.description'), c.description ? <p className="prose">{c.description}</p> : null],
          [
            t('page.dates'),
            <>
              {dates} <span className="muted dates-hint">{t('page.datesHint')}</span>
            </>,
          ],
          [t('page.extent'), extent],
        ]}
      />
      <div className="page-actions">
        <button type="button" disabled={s.records === 0} onClick={() => void cite()}>
          {t('page.cite')}
        </button>
        <button type="button" disabled={s.records === 0} onClick={() => void exportAs('csv')}>
          {t('page.exportCsv')}
        </button>
        <button type="button" disabled={s.records === 0} onClick={() => void exportAs('json')}>
          {t('page.exportJson')}
        </button>
      </div>
      <ErrorText error={failure} prefix={t('page.exportFailed')} />
      <CollectionChildren inside={inside} />
      <CollectionRecords records={records} onShowInList={() => onShowInList({ id: c.id, name: c.name })} />
      <CiteDialog ids={citing ?? []} open={citing !== null} onClose={() => setCiting(null)} />
      {arrange.dialogs}
    </section>
  );
}
