/**
 * The cite dialog's buttons: copy or save in the chosen format (the formatted bibliography, as HTML
 * and plain text together, or BibTeX, RIS, CSL-JSON), close.
 */
import type { RefObject } from 'react';
import type { CiteFormat } from '../../../shared/channels/cite';
import type { OutputOf } from '../../../shared/contract';
import type { ArchiveError } from '../../../shared/result';
import { archive } from '../archive';
import { copyCitation, copyText, saveText } from '../common/download';
import { useT } from '../i18n/i18n';

const SAVE_FORMATS: { value: 'text' | 'html' | CiteFormat; ext: string; type: string }[] = [
  { value: 'text', ext: 'txt', type: 'text/plain' },
  { value: 'html', ext: 'html', type: 'text/html' },
  { value: 'bibtex', ext: 'bib', type: 'application/x-bibtex' },
  { value: 'ris', ext: 'ris', type: 'application/x-research-info-systems' },
  { value: 'csl-json', ext: 'json', type: 'application/vnd.citationstyles.csl+json' },
];

export type SaveFormat = (typeof SAVE_FORMATS)[number]['value'];

interface Props {
  ids: number[];
  uid: string;
  citation: OutputOf<'citeRecords'> | null;
  /** The rendered bibliography: copied by selection where the Clipboard API is refused. */
  preview: RefObject<HTMLDivElement | null>;
  saveFormat: SaveFormat;
  onSaveFormat: (format: SaveFormat) => void;
  onStatus: (message: string) => void;
  onError: (error: ArchiveError) => void;
  onClose: () => void;
}

export function CiteActions({
  ids,
  uid,
  citation,
  preview,
  saveFormat,
  onSaveFormat,
  onStatus,
  onError,
  onClose,
}: Props) {
  const { t } = useT('cite');
  const { t: tc } = useT('common');

  const copy = async () => {
    if (!citation) return;
    const format = SAVE_FORMATS.find((f) => f.value === saveFormat)!;
    try {
      if (format.value === 'text' || format.value === 'html') {
        await copyCitation(citation.html, citation.text, preview.current);
        onStatus(t('copied'));
      } else {
        const result = await archive.exportCitations({ ids, format: format.value });
        if (!result.ok) return onError(result.error);
        await copyText(result.value.content);
        onStatus(t('copiedAs', { format: t(`formats.${format.value}`) }));
      }
    } catch (e) {
      onError({ code: 'internal', message: t('clipboardRefused', { reason: String(e) }) });
    }
  };

  const save = async () => {
    const format = SAVE_FORMATS.find((f) => f.value === saveFormat)!;
    let content: string;
    if (format.value === 'text' || format.value === 'html') {
      if (!citation) return;
      content =
        format.value === 'text' ? `${citation.text}\n` : `<!doctype html>\n<meta charset="utf-8">\n${citation.html}\n`;
    } else {
      const result = await archive.exportCitations({ ids, format: format.value });
      if (!result.ok) return onError(result.error);
      content = result.value.content;
    }
    saveText(`citations.${format.ext}`, content, format.type);
    onStatus(t('savedAs', { name: `citations.${format.ext}` }));
  };

  return (
    <div className="actions">
      <button type="button" className="primary" disabled={!citation} onClick={() => void copy()}>
        {t('copy')}
      </button>
      <label htmlFor={`cite-save-format-${uid}`} className="visually-hidden">
        {t('saveAs')}
      </label>
      <select
        id={`cite-save-format-${uid}`}
        value={saveFormat}
        onChange={(e) => onSaveFormat(e.target.value as SaveFormat)}
      >
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
  );
}
