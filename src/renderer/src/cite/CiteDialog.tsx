/**
 * Cite records: choose a style, see the bibliography and the in-text citation, copy them (HTML and
 * plain text together) or save them, also as BibTeX, RIS or CSL-JSON. The chosen style can be made
 * the library's default.
 */
import { useId, useRef, useState } from 'react';
import type { ArchiveError } from '../../../shared/result';
import { archive } from '../archive';
import { ErrorText } from '../common/ErrorText';
import { Modal } from '../common/Modal';
import { useResult } from '../common/useResult';
import { useT } from '../i18n/i18n';
import { CiteActions, type SaveFormat } from './CiteActions';
import { StylePicker } from './StylePicker';
import './cite.css';

interface Props {
  ids: number[];
  open: boolean;
  onClose: () => void;
}

export function CiteDialog({ ids, open, onClose }: Props) {
  const { t } = useT('cite');
  // Two cite dialogs can be mounted (a record's, and the search results'): ids must differ.
  const uid = useId();
  // The style and the save format outlive a closing: reopened, the dialog shows the same choice.
  const [style, setStyle] = useState<string | null>(null);
  const [saveFormat, setSaveFormat] = useState<SaveFormat>('text');
  return (
    <Modal open={open} labelledBy={`cite-title-${uid}`} className="cite-dialog" onClose={onClose}>
      <h2 id={`cite-title-${uid}`}>{t('title', { count: ids.length })}</h2>
      <Citations
        ids={ids}
        uid={uid}
        style={style}
        onStyle={setStyle}
        saveFormat={saveFormat}
        onSaveFormat={setSaveFormat}
        onClose={onClose}
      />
    </Modal>
  );
}

interface CitationsProps {
  ids: number[];
  uid: string;
  style: string | null;
  onStyle: (style: string) => void;
  saveFormat: SaveFormat;
  onSaveFormat: (format: SaveFormat) => void;
  onClose: () => void;
}

/** The dialog's content while open; what it last said (copied, saved, failed) goes with the closing. */
function Citations({ ids, uid, style, onStyle, saveFormat, onSaveFormat, onClose }: CitationsProps) {
  const { t } = useT('cite');
  const previewRef = useRef<HTMLDivElement>(null);
  const settings = useResult(() => archive.getSettings({}), []);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<ArchiveError | null>(null);
  const chosen = style ?? settings.value?.defaultStyle ?? null;
  const citation = useResult(
    () => (chosen ? archive.citeRecords({ ids, style: chosen }) : null),
    [chosen, ids.join(',')],
  );

  const makeDefault = async () => {
    if (!chosen) return;
    const result = await archive.updateSettings({ defaultStyle: chosen });
    if (!result.ok) return setError(result.error);
    // Said by the style's name, as the archivist knows it, not by its id.
    const styles = await archive.listStyles({ all: true, find: chosen });
    const title = styles.ok ? styles.value.find((s) => s.id === chosen)?.title : undefined;
    setStatus(t('nowDefault', { style: title ?? chosen }));
  };

  return (
    <>
      <ErrorText error={settings.error} prefix={t('stylesFailed')} />
      <div className="cite-controls">
        <label htmlFor={`cite-style-${uid}`}>{t('style')}</label>
        <StylePicker id={`cite-style-${uid}`} value={chosen ?? ''} onChange={onStyle} />
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
          {/* The HTML comes from the CSL processor, which escapes every value taken from a record. A
              citation is written in its style's own language (APA's "September", "[Agreement]"), whatever
              the interface's: translate="no" keeps a page translator from rewording what is to be copied. */}
          <div
            ref={previewRef}
            className="cite-preview"
            data-testid="cite-preview"
            translate="no"
            dangerouslySetInnerHTML={{ __html: citation.value.html }}
          />
          <h3>{t('inText')}</h3>
          <p className="cite-intext" data-testid="cite-intext" translate="no">
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
      <CiteActions
        ids={ids}
        uid={uid}
        citation={citation.value}
        preview={previewRef}
        saveFormat={saveFormat}
        onSaveFormat={onSaveFormat}
        onStatus={setStatus}
        onError={setError}
        onClose={onClose}
      />
    </>
  );
}
