/** The citation settings of "Citations & exchange": holding archive, place, default style, and installing a CSL style. */
import { archive } from '../archive';
import { FormField } from '../common/FormField';
import { useT } from '../i18n/i18n';
import { CitationFields } from '../settings/CitationFields';
import type { Report } from './report';
import type { CitationSettings } from './useCitationSettings';

export function CitationSection({ settings, report }: { settings: CitationSettings; report: Report }) {
  const { t } = useT('cite');

  const save = async () => {
    const result = await archive.updateSettings(settings.draft);
    if (!result.ok) return report.fail(result.error);
    report.done(t('exchange.settingsSaved'));
    settings.reload();
  };

  const installStyle = async (file: File | undefined) => {
    if (!file) return;
    const result = await archive.installStyle({ xml: await file.text() });
    if (!result.ok) return report.fail(result.error);
    report.done(t('exchange.installed', { title: result.value.title }));
    settings.reload();
  };

  return (
    <section aria-labelledby="settings-heading">
      <h3 id="settings-heading">{t('exchange.citations')}</h3>
      {settings.loaded ? <CitationFields draft={settings.draft} onChange={settings.change} /> : null}
      <FormField id="settings-install" label={t('exchange.installStyle')} inline>
        {(control) => (
          <input {...control} type="file" accept=".csl,.xml" onChange={(e) => void installStyle(e.target.files?.[0])} />
        )}
      </FormField>
      <button type="button" className="primary" onClick={() => void save()}>
        {t('exchange.saveSettings')}
      </button>
    </section>
  );
}
