/**
 * Batch edit: one change — add or remove a tag, move to a collection, set a field — to every
 * selected record. The service works it out first without writing (a dry run), so the archivist
 * sees per record what will change (old → new), what is already so and what is skipped and why;
 * applying writes it all in one transaction and records one undo for all of it.
 */
import { useEffect, useRef, useState } from 'react';
import type { BatchEditOutput } from '../../../shared/batch';
import { ACCESS_STATUSES, AGREEMENT_KINDS, MEDIA } from '../../../shared/model';
import type { ArchiveError } from '../../../shared/result';
import { archive } from '../archive';
import { ErrorText } from '../common/ErrorText';
import { ACCESS_LABELS, AGREEMENT_KIND_LABELS, MEDIUM_LABELS } from '../common/labels';
import { useResult } from '../common/useResult';
import { dateProblemText } from '../editor/date-messages';
import { DateField } from '../editor/DateField';
import { useT } from '../i18n/i18n';
import { batchCommand } from '../undo/commands';
import { record as recordUndo } from '../undo/history';
import { fieldLabel, tagChange, valueText } from '../record/field-text';
import { buildOperation, defaultValue, initialChoice, SETTABLE, type BatchChoice, type Settable } from './operation';
import './batch.css';

interface Props {
  open: boolean;
  ids: number[];
  onClose: () => void;
  /** Applied: how many records changed. */
  onApplied: (changed: number) => void;
}

const PREVIEW_ROWS = 500;

export function BatchDialog({ open, ids, onClose, onApplied }: Props) {
  const { t } = useT('batch');
  const { t: te } = useT('editor');
  const ref = useRef<HTMLDialogElement>(null);
  const [choice, setChoice] = useState<BatchChoice>(initialChoice);
  const [preview, setPreview] = useState<BatchEditOutput | null>(null);
  const [busy, setBusy] = useState<'preview' | 'apply' | null>(null);
  const [error, setError] = useState<ArchiveError | string | null>(null);
  const tags = useResult(() => (open ? archive.listTags({}) : null), [open]);
  const collections = useResult(() => (open ? archive.listCollections({}) : null), [open]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setChoice(initialChoice);
      setPreview(null);
      setError(null);
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const change = (c: Partial<BatchChoice>) => {
    setChoice((old) => ({ ...old, ...c }));
    setPreview(null);
    setError(null);
  };

  const run = async (dryRun: boolean) => {
    const built = buildOperation(choice);
    if (!built.ok) {
      setError(built.dateProblem ? dateProblemText(te, built.dateProblem.problem) : null);
      return;
    }
    setBusy(dryRun ? 'preview' : 'apply');
    setError(null);
    const result = await archive.batchEdit({ ids, operation: built.operation, dryRun });
    setBusy(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    if (dryRun) {
      setPreview(result.value);
      return;
    }
    if (result.value.counts.change > 0) recordUndo(batchCommand(result.value.items));
    onApplied(result.value.counts.change);
  };

  const value = (field: Settable) => {
    const id = 'batch-value';
    const select = (options: readonly (readonly [string, string])[]) => (
      <div className="form-field">
        <label htmlFor={id}>{t('value')}</label>
        <select id={id} value={choice.value} onChange={(e) => change({ value: e.target.value })}>
          {options.map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </select>
      </div>
    );
    switch (field) {
      case 'accessStatus':
        return select(ACCESS_STATUSES.map((s) => [s, ACCESS_LABELS[s]] as const));
      case 'medium':
        return select([['', t('notStated')] as const, ...MEDIA.map((m) => [m, MEDIUM_LABELS[m]] as const)]);
      case 'agreementKind':
        return select([['', t('notStated')] as const, ...AGREEMENT_KINDS.map((k) => [k, AGREEMENT_KIND_LABELS[k]] as const)]);
      case 'date':
        return <DateField name="batch-date" label={t('value')} value={choice.value} onChange={(v) => change({ value: v })} />;
      default:
        return (
          <div className="form-field">
            <label htmlFor={id}>{t('value')}</label>
            <input id={id} type="text" value={choice.value} aria-describedby={`${id}-hint`} onChange={(e) => change({ value: e.target.value })} />
            <p className="hint" id={`${id}-hint`}>
              {field === 'languages' ? t('languagesHint') : t('clearHint')}
            </p>
          </div>
        );
    }
  };

  const shown = preview?.items.slice(0, PREVIEW_ROWS) ?? [];
  return (
    <dialog
      ref={ref}
      className="batch-dialog"
      aria-labelledby="batch-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id="batch-title">{t('title', { count: ids.length })}</h2>
      <fieldset className="batch-operations">
        <legend>{t('operation')}</legend>
        {(['addTag', 'removeTag', 'setCollection', 'setField'] as const).map((kind) => (
          <label key={kind}>
            <input type="radio" name="batch-operation" value={kind} checked={choice.kind === kind} onChange={() => change({ kind })} /> {t(`operations.${kind}`)}
          </label>
        ))}
      </fieldset>
      {choice.kind === 'addTag' || choice.kind === 'removeTag' ? (
        <div className="form-field">
          <label htmlFor="batch-tag">{t('tag')}</label>
          <input id="batch-tag" type="text" list="batch-tags" autoComplete="off" value={choice.tag} onChange={(e) => change({ tag: e.target.value })} />
          <datalist id="batch-tags">
            {(tags.value ?? []).map((tag) => (
              <option key={tag.name} value={tag.name} />
            ))}
          </datalist>
        </div>
      ) : choice.kind === 'setCollection' ? (
        <div className="form-field">
          <label htmlFor="batch-collection">{t('collection')}</label>
          <select
            id="batch-collection"
            value={choice.collectionId === null ? '' : String(choice.collectionId)}
            onChange={(e) => change({ collectionId: e.target.value === '' ? null : Number(e.target.value) })}
          >
            <option value="">{t('noCollection')}</option>
            {(collections.value ?? []).map((c) => (
              <option key={c.id} value={String(c.id)}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <div className="field-row">
          <div className="form-field">
            <label htmlFor="batch-field">{t('field')}</label>
            <select id="batch-field" value={choice.field} onChange={(e) => change({ field: e.target.value as Settable, value: defaultValue(e.target.value as Settable) })}>
              {SETTABLE.map((f) => (
                <option key={f} value={f}>
                  {t(`fields.${f}`)}
                </option>
              ))}
            </select>
          </div>
          {value(choice.field)}
        </div>
      )}
      <ErrorText error={error} prefix={t('failed')} />
      {preview ? (
        <section className="batch-preview" aria-labelledby="batch-preview-heading">
          <h3 id="batch-preview-heading">{t('previewHeading')}</h3>
          <p role="status">
            {preview.counts.change === 0 ? t('nothingToDo') : t('counts', preview.counts)}
          </p>
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
                      {item.outcome === 'change' ? (
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
                                    <del>{valueText(c.field, c.before, t('empty'))}</del> → <ins>{valueText(c.field, c.after, t('empty'))}</ins>
                                  </>
                                )}
                              </li>
                            );
                          })}
                        </ul>
                      ) : item.outcome === 'unchanged' ? (
                        <span className="muted">{t('unchanged')}</span>
                      ) : (
                        <span className="warning">{t('skipped', { reason: item.reason ?? '' })}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {preview.items.length > shown.length ? <p className="muted">{t('more', { count: preview.items.length - shown.length })}</p> : null}
        </section>
      ) : null}
      <div className="actions">
        <button type="button" onClick={onClose}>
          {t('cancel')}
        </button>
        <button type="button" onClick={() => void run(true)} disabled={busy !== null}>
          {busy === 'preview' ? t('previewing') : t('preview')}
        </button>
        <button type="button" className="primary" disabled={busy !== null || !preview || preview.counts.change === 0} onClick={() => void run(false)}>
          {busy === 'apply' ? t('applying') : t('apply', { count: preview?.counts.change ?? 0 })}
        </button>
      </div>
    </dialog>
  );
}
