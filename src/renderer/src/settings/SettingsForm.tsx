/** The library's settings, saved together: citations, the file size limit, and the automatic backups kept. */
import { useEffect, useState } from 'react';
import type { ArchiveError } from '../../../shared/result';
import { LanguageChoice } from '../app/LanguageChoice';
import { ThemeChoice } from '../app/ThemeChoice';
import { archive } from '../archive';
import { ErrorText } from '../common/ErrorText';
import { FormField } from '../common/FormField';
import { useResult } from '../common/useResult';
import { formatBytes } from '../documents/files';
import { useT } from '../i18n/i18n';
import { citationDraft, CitationFields, type CitationDraft } from './CitationFields';
import { bytesToMegabytes, megabytesToBytes } from './maxFileSize';
import { DensityChoice } from './DensityChoice';

type Draft = CitationDraft & { maxFile: string; backupsKept: string };

export function SettingsForm({ onSaved }: { onSaved: () => void }) {
  const { t } = useT('settings');
  const [tick, setTick] = useState(0);
  const library = useResult(() => archive.getSettings({}), [tick]);
  const documents = useResult(() => archive.documentSettings({}), [tick]);
  const [draft, setDraft] = useState<Draft>({
    archiveName: '',
    archivePlace: '',
    defaultStyle: '',
    maxFile: '',
    backupsKept: '',
  });
  const [status, setStatus] = useState('');
  const [error, setError] = useState<ArchiveError | string | null>(null);

  useEffect(() => {
    if (!library.value || !documents.value) return;
    setDraft({
      ...citationDraft(library.value),
      backupsKept: String(library.value.backupsKept),
      maxFile: documents.value.source === 'library' ? bytesToMegabytes(documents.value.maxFileBytes) : '',
    });
  }, [library.value, documents.value]);

  const fromEnvironment = documents.value?.source === 'environment';
  const change = (c: Partial<Draft>) => setDraft((d) => ({ ...d, ...c }));

  const save = async () => {
    setStatus('');
    const maxFileBytes = megabytesToBytes(draft.maxFile);
    if (maxFileBytes === undefined) return setError(t('documents.notNumber', { value: draft.maxFile }));
    const backupsKept = /^\s*\d{1,3}\s*$/.test(draft.backupsKept) ? Number(draft.backupsKept) : NaN;
    if (!(backupsKept <= 365)) return setError(t('backups.notCount', { value: draft.backupsKept }));
    const saved = await archive.updateSettings({
      archiveName: draft.archiveName,
      archivePlace: draft.archivePlace,
      defaultStyle: draft.defaultStyle,
      backupsKept,
    });
    if (!saved.ok) return setError(saved.error);
    if (!fromEnvironment) {
      const docs = await archive.updateDocumentSettings({ maxFileBytes });
      if (!docs.ok) return setError(docs.error);
    }
    setError(null);
    setStatus(t('saved'));
    setTick((n) => n + 1);
    onSaved();
  };

  return (
    <form
      className="settings-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <ErrorText error={library.error ?? documents.error} prefix={t('loadFailed')} />
      <section aria-labelledby="settings-citations-heading">
        <h3 id="settings-citations-heading">{t('citations.heading')}</h3>
        <CitationFields draft={draft} onChange={change} />
      </section>
      <section aria-labelledby="settings-documents-heading">
        <h3 id="settings-documents-heading">{t('documents.heading')}</h3>
        <FormField
          id="settings-max-file"
          label={t('documents.maxFile')}
          inline
          hint={
            fromEnvironment && documents.value
              ? t('documents.maxFileEnvironment', { size: formatBytes(documents.value.maxFileBytes) })
              : t('documents.maxFileHelp', { size: formatBytes(2 * 1024 ** 3) })
          }
        >
          {(control) => (
            <input
              {...control}
              inputMode="decimal"
              value={draft.maxFile}
              disabled={fromEnvironment}
              placeholder={
                documents.value && !fromEnvironment && documents.value.source === 'default'
                  ? bytesToMegabytes(documents.value.maxFileBytes)
                  : undefined
              }
              onChange={(e) => change({ maxFile: e.target.value })}
            />
          )}
        </FormField>
        <div className="form-field inline">
          <span className="form-row-label">{t('documents.ocr')}</span>
          <p className="hint">{t('documents.ocrHelp')}</p>
        </div>
      </section>
      <section aria-labelledby="settings-backups-heading">
        <h3 id="settings-backups-heading">{t('backups.heading')}</h3>
        <FormField id="settings-backups-kept" label={t('backups.kept')} hint={t('backups.keptHelp')} inline>
          {(control) => (
            <input
              {...control}
              inputMode="numeric"
              value={draft.backupsKept}
              onChange={(e) => change({ backupsKept: e.target.value })}
            />
          )}
        </FormField>
      </section>
      <section aria-labelledby="settings-interface-heading">
        <h3 id="settings-interface-heading">{t('interface.heading')}</h3>
        <p className="muted">{t('interface.help')}</p>
        <div className="settings-choices">
          <LanguageChoice />
          <ThemeChoice />
          <DensityChoice />
        </div>
      </section>
      <ErrorText error={error} prefix={t('failed')} />
      <p className="settings-status" role="status">
        {status}
      </p>
      <button type="submit" className="primary">
        {t('save')}
      </button>
    </form>
  );
}
