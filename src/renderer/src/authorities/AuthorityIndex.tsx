/** Every person (or organisation, place, event, partnership), filtered by name as you type, each opening its page. */
import { useEffect, useState } from 'react';
import type { AuthorityKind } from '../../../shared/model';
import { routeHref } from '../app/route';
import { archive } from '../archive';
import { ErrorText } from '../common/ErrorText';
import { FormField } from '../common/FormField';
import { AUTHORITY_GROUP_LABELS } from '../common/labels';
import { useResult } from '../common/useResult';
import { useT } from '../i18n/i18n';
import './authorities.css';

const PAGE = 100;

export function AuthorityIndex({ kind, revision }: { kind: AuthorityKind; revision: number }) {
  const { t } = useT('authorities');
  const [text, setText] = useState('');
  const [limit, setLimit] = useState(PAGE);
  useEffect(() => setLimit(PAGE), [kind, text]);
  const list = useResult(
    () => archive.listAuthorities({ kind, ...(text.trim() ? { query: text.trim() } : {}), limit }),
    [kind, text, limit, revision],
  );
  const items = list.value?.items ?? [];
  return (
    <section className="record-pane authority-index" aria-labelledby="authority-index-heading">
      <h2 id="authority-index-heading" tabIndex={-1}>
        {AUTHORITY_GROUP_LABELS[kind]}
      </h2>
      <FormField id="authority-filter" label={t('index.filter')}>
        {(control) => <input {...control} type="search" value={text} onChange={(e) => setText(e.target.value)} />}
      </FormField>
      <ErrorText error={list.error} prefix={t('page.loadFailed')} />
      {list.value && items.length === 0 ? (
        <p className="muted">{text.trim() ? t('index.noMatch', { text: text.trim() }) : t('index.none')}</p>
      ) : null}
      <ul className="authority-list">
        {items.map((a) => (
          <li key={a.id}>
            <a href={routeHref({ view: 'authority', id: a.id })}>{a.name}</a>
            {a.altNames.length > 0 ? (
              <span className="muted"> · {a.altNames.map((n) => n.name).join(', ')}</span>
            ) : null}{' '}
            <span className="count">{t('index.count', { count: a.recordCount })}</span>
          </li>
        ))}
      </ul>
      {list.value && list.value.total > items.length ? (
        <p>
          <span className="muted">{t('index.showing', { shown: items.length, total: list.value.total })}</span>{' '}
          <button type="button" onClick={() => setLimit((n) => Math.min(1_000, n + PAGE))} disabled={limit >= 1_000}>
            {t('index.more')}
          </button>
        </p>
      ) : null}
    </section>
  );
}
