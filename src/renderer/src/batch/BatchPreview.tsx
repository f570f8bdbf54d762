/** The dry run's answer: the counts, then per record what will change (old → new), what is already so, and what is skipped and why. */
import type { BatchEditOutput } from '../../../shared/batch';
import { useT } from '../i18n/i18n';
import { fieldLabel, tagChange, valueText } from '../record/field-text';

/** Rows shown at most: the counts cover the rest. */
const PREVIEW_ROWS = 500;

type Item = BatchEditOutput['items'][number];

export function BatchPreview({ preview }: { preview: BatchEditOutput }) {
  const { t } = useT('batch');
  const shown = preview.items.slice(0, PREVIEW_ROWS);
  return (
    <section className="batch-preview" aria-labelledby="batch-preview-heading">
      <h3 id="batch-preview-heading">{t('previewHeading')}</h3>
      <p role="status">{preview.counts.change === 0 ? t('nothingToDo') : t('counts', preview.counts)}</p>
      <div className="batch-preview-scroll" tabIndex={0} aria-labelledby="batch-preview-heading">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('record')}</th>
              <th scope="col">{t('change')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((item) => (
              <tr key={item.id} className={`outcome-${item.outcome}`}>
                <td>{item.title}</td>
                <td>
                  <Outcome item={item} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {preview.items.length > shown.length ? (
        <p className="muted">{t('more', { count: preview.items.length - shown.length })}</p>
      ) : null}
    </section>
  );
}

function Outcome({ item }: { item: Item }) {
  const { t } = useT('batch');
  if (item.outcome === 'unchanged') return <span className="muted">{t('unchanged')}</span>;
  if (item.outcome !== 'change') return <span className="warning">{t('skipped', { reason: item.reason ?? '' })}</span>;
  return (
    <ul className="batch-changes">
      {item.changes.map((c) => {
        const tags = c.field === 'tags' ? tagChange(c.before, c.after) : null;
        return (
          <li key={c.field}>
            <span className="audit-field">{fieldLabel(c.field)}</span>:{' '}
            {tags ? (
              <>
                {tags.added.map((tag) => (
                  <ins key={`+${tag}`}>+ {tag} </ins>
                ))}
                {tags.removed.map((tag) => (
                  <del key={`-${tag}`}>− {tag} </del>
                ))}
              </>
            ) : (
              <>
                <del>{valueText(c.field, c.before, t('empty'))}</del> →{' '}
                <ins>{valueText(c.field, c.after, t('empty'))}</ins>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
