/**
 * Cite records: choose a style, see the bibliography and the in-text citation, copy them (HTML and
 * plain text together) or save them, also as BibTeX, RIS or CSL-JSON. The chosen style can be made
 * the library's default.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { CiteFormat } from '../../../shared/channels/cite';
import type { ArchiveError } from '../../../shared/result';
import { archive } from '../archive';
import { ErrorText } from '../common/ErrorText';
import { useResult } from '../common/useResult';
import { trapTab } from '../common/focusTrap';
import { useT } from '../i18n/i18n';
import { copyCitation, saveText } from '../common/download';
import { StylePicker } from './StylePicker';
import './cite.css';

interface Props {
  ids: number[];
  open: boolean;
  onClose: () => void;
}

const SAVE_FORMATS: { value: 'text' | 'html' | CiteFormat; ext: string; type: string }[] = [
  { value: 'text', ext: 'txt', type: 'text/plain' },
  { value: 'html', ext: 'html', type: 'text/html' },
  { value: 'bibtex', ext: 'bib', type: 'application/x-bibtex' },
  { value: 'ris', ext: 'ris', type: 'application/x-research-info-systems' },
  { value: 'csl-json', ext: 'json', type: 'application/vnd.citationstyles.csl+json' },
];

export function CiteDialog({ ids, open, onClose }: Props) {
  const { t } = useT('cite');
  const { t: tc } = useT('common');
  const ref = useRef<HTMLDialogElement>(null);
  const previewRef = useRef<HTMLDivElement>(null);
  // Two cite dialogs can be mounted (a record's, and the search results'): ids must differ.
  const uid = useId();
  const settings = useResult(() => (open ? archive.getSettings({}) : null), [open]);
  const [style, setStyle] = useState<string | null>(null);
  const [saveFormat, setSaveFormat] = useState<(typeof SAVE_FORMATS)[number]['value']>('text');
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<ArchiveError | null>(null);
  const chosen = style ?? settings.value?.defaultStyle ?? null;
  const citation = useResult(() => (open && chosen ? archive.citeRecords({ ids, style: chosen }) : null), [open, chosen, ids.join(',')]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
    if (!open) {
      setStatus(null);
      setError(null);
    }
  }, [open]);

  const copy = async () => {
    if (!citation.value) return;
    try {
      await copyCitation(citation.value.html, citation.value.text, previewRef.current);
      setStatus(t('copied'));
    } catch (e) {
      setError({ code: 'internal', message: t('clipboardRefused', { reason: String(e) }) });
    }
  };

  const save = async () => {
    const format = SAVE_FORMATS.find((f) => f.value === saveFormat)!;
    let content: string;
    if (format.value === 'text' || format.value === 'html') {
      if (!citation.value) return;
      content = format.value === 'text' ? `${citation.value.text}\n` : `<!doctype html>\n<meta charset="utf-8">\n${citation.value.html}\n`;
    } else {
      const result = await archive.exportCitations({ ids, format: format.value });
      if (!result.ok) return setError(result.error);
      content = result.value.content;
    }
    saveText(`citations.${format.ext}`, content, format.type);
    setStatus(t('savedAs', { name: `citations.${format.ext}` }));
  };

  const makeDefault = async () => {
    if (!chosen) return;
    const result = await archive.updateSettings({ defaultStyle: chosen });
    if (!result.ok) setError(result.error);
    else setStatus(t('nowDefault', { style: chosen }));
  };

  return (
    <dialog
      ref={ref}
      className="cite-dialog"
      aria-labelledby={`cite-title-${uid}`}
      onKeyDown={trapTab}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={`cite-title-${uid}`}>{t('title', { count: ids.length })}</h2>
      <ErrorText error={settings.error} prefix={t('stylesFailed')} />
      <div className="cite-controls">
        <label htmlFor={`cite-style-${uid}`}>{t('style')}</label>
        <StylePicker id={`cite-style-${uid}`} value={chosen ?? ''} onChange={setStyle} active={open} />
        {chosen && settings.value && chosen !== settings.value.defaultStyle ? (
          <button type="button" className="quiet" onClick={() => void makeDefault()}>
            {t('makeDefault')}
          </button>
        ) : null}
      </div>
      <ErrorText error={citation.error} prefix={t('citationFailed')} />
      {citation.value ? (
        <>
          <h3>{t('bibliography')}</h3>
          {/* The HTML comes from the CSL processor, which escapes every value taken from a record. */}
          <div ref={previewRef} className="cite-preview" data-testid="cite-preview" dangerouslySetInnerHTML={{ __html: citation.value.html }} />
          <h3>{t('inText')}</h3>
          <p className="cite-intext" data-testid="cite-intext">
            {citation.value.inText.text}
          </p>
        </>
      ) : citation.loading ? (
        <p className="muted">{t('formatting')}</p>
      ) : null}
      <ErrorText error={error} prefix={t('failed')} />
      <p className="cite-status" role="status">
        {status}
      </p>
      <div className="actions">
        <button type="button" className="primary" disabled={!citation.value} onClick={() => void copy()}>
          {t('copy')}
        </button>
        <label htmlFor={`cite-save-format-${uid}`} className="visually-hidden">
          {t('saveAs')}
        </label>
        <select id={`cite-save-format-${uid}`} value={saveFormat} onChange={(e) => setSaveFormat(e.target.value as typeof saveFormat)}>
          {SAVE_FORMATS.map((f) => (
            <option key={f.value} value={f.value}>
              {t(`formats.${f.value}`)}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void save()}>
          {t('saveButton')}
        </button>
        <button type="button" onClick={onClose}>
          {tc('close')}
        </button>
      </div>
    </dialog>
  );
}
