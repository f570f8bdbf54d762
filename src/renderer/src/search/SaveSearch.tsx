/** "Save search…": names the search (its text and filters) so the sidebar can run it again; the service's refusal shows beside the name. */
import { useState } from 'react';
import { ErrorText } from '../common/ErrorText';
import { useT } from '../i18n/i18n';

export function SaveSearch({ onSave }: { onSave: (name: string) => Promise<string | null> }) {
  const { t } = useT('search');
  const { t: tc } = useT('common');
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('save')}
      </button>
    );
  }
  return (
    <form
      className="save-search"
      onSubmit={(e) => {
        e.preventDefault();
        void onSave(name).then((problem) => {
          setError(problem);
          if (!problem) {
            setOpen(false);
            setName('');
          }
        });
      }}
    >
      <label htmlFor="save-search-name">{t('name')}</label>
      <input id="save-search-name" value={name} autoFocus onChange={(e) => setName(e.target.value)} />
      <button type="submit">{tc('save')}</button>
      <button type="button" onClick={() => setOpen(false)}>
        {tc('cancel')}
      </button>
      <ErrorText error={error} />
    </form>
  );
}
