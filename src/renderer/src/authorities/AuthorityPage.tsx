/**
 * One person, organisation, place, event or partnership: its names, description and dates, and
 * every record linked to it with the roles it has there. From here it is edited, and duplicates
 * of it are merged into it.
 */
import { useEffect, useState } from 'react';
import type { AuthorityView } from '../../../shared/model';
import { navigate, routeHref } from '../app/route';
import { archive } from '../archive';
import { ErrorText } from '../common/ErrorText';
import { formatRecordDate } from '../common/format';
import { AUTHORITY_KIND_LABELS, RECORD_TYPE_LABELS, ROLE_LABELS } from '../common/labels';
import { useResult } from '../common/useResult';
import { useT } from '../i18n/i18n';
import type { LinkRole } from '../../../shared/model';
import { FieldList } from '../record/FieldList';
import { AuthorityForm } from './AuthorityForm';
import { MergeDialog } from './MergeDialog';
import './authorities.css';

interface Props {
  id: number;
  revision: number;
  /** Something was written: refresh what shows it. */
  onChanged: () => void;
  onShowLinked: (authority: { id: number; name: string }) => void;
}

export function AuthorityPage({ id, revision, onChanged, onShowLinked }: Props) {
  const { t } = useT('authorities');
  const [tick, setTick] = useState(0);
  const authority = useResult(() => archive.getAuthority({ id }), [id, revision, tick]);
  const records = useResult(() => archive.authorityRecords({ id }), [id, revision, tick]);
  const [editing, setEditing] = useState(false);
  const [merging, setMerging] = useState(false);
  const [notice, setNotice] = useState('');
  useEffect(() => (setEditing(false), setMerging(false), setNotice('')), [id]);

  const a: AuthorityView | null = authority.value && authority.value.id === id ? authority.value : null;
  if (!a) {
    return (
      <section className="record-pane">
        {authority.error?.code === 'not_found' ? (
          <p className="muted">{t('page.gone')}</p>
        ) : (
          <ErrorText error={authority.error} prefix={t('page.loadFailed')} />
        )}
      </section>
    );
  }
  const list = records.value ?? [];
  const date = formatRecordDate(a.date, a.dateEnd);
  return (
    <section className="record-pane authority-page" aria-labelledby="authority-heading">
      <header className="record-header">
        <h2 id="authority-heading" tabIndex={-1}>
          {a.name}
        </h2>
        <div className="actions">
          <button type="button" onClick={() => setEditing(true)} disabled={editing}>
            {t('page.edit')}
          </button>
          <button type="button" onClick={() => setMerging(true)}>
            {t('page.merge')}
          </button>
        </div>
      </header>
      <p className="record-kicker">{t('page.kicker', { kind: AUTHORITY_KIND_LABELS[a.kind] })}</p>
      <p className="authority-notice" role="status">
        {notice}
      </p>
      {editing ? (
        <AuthorityForm
          authority={a}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            setTick((n) => n + 1);
            onChanged();
          }}
        />
      ) : (
        <FieldList
          fields={[
            [
              t('page.otherNames'),
              a.altNames.length
                ? a.altNames.map((n) => (
                    <span key={n.name} lang={n.language ?? undefined} className="alt-name">
                      {n.name}
                    </span>
                  ))
                : null,
            ],
            [t('page.description'), a.description ? <p className="prose">{a.description}</p> : null],
            [a.kind === 'partnership' ? t('page.since') : t('page.date'), date],
            [
              t('page.place'),
              a.place ? <a href={routeHref({ view: 'authority', id: a.place.id })}>{a.place.name}</a> : null,
            ],
          ]}
        />
      )}
      <section className="record-section" aria-labelledby="authority-records-heading">
        <h3 id="authority-records-heading">{t('page.records', { count: list.length })}</h3>
        <ErrorText error={records.error} prefix={t('page.loadFailed')} />
        {records.value && list.length === 0 ? <p className="muted">{t('page.noRecords')}</p> : null}
        {list.length > 0 ? (
          <>
            {/* A list, not a table: the pane is narrow, and each record reads as one line of title and one of facts. */}
            <ul className="authority-records">
              {list.map((r) => (
                <li key={r.id}>
                  <a href={routeHref({ view: 'record', id: r.id })}>{r.title}</a>
                  <span className="facts">
                    {[
                      RECORD_TYPE_LABELS[r.type],
                      formatRecordDate(r.date, r.dateEnd, r.dateApproximate),
                      t('page.as', { roles: r.roles.map((role) => ROLE_LABELS[role as LinkRole] ?? role).join(', ') }),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </li>
              ))}
            </ul>
            <button type="button" className="quiet" onClick={() => onShowLinked({ id: a.id, name: a.name })}>
              {t('page.showInList')}
            </button>
          </>
        ) : null}
      </section>
      <MergeDialog
        open={merging}
        keep={a}
        onClose={() => setMerging(false)}
        onMerged={(result) => {
          setMerging(false);
          setNotice(t('mergeDialog.done', { count: result.linksMoved, name: result.authority.name }));
          setTick((n) => n + 1);
          onChanged();
          navigate({ view: 'authority', id: result.authority.id });
        }}
      />
    </section>
  );
}
