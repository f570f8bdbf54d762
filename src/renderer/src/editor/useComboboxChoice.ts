/**
 * What choosing an option of the authority combobox does: an existing authority is picked; "create"
 * either names a new one for later (the record form: created with the record on save) or creates
 * it now (elsewhere). Each says what happened in the combobox's live region.
 */
import { useState } from 'react';
import type { AuthorityView } from '../../../shared/model';
import type { ArchiveError } from '../../../shared/result';
import { archive } from '../archive';
import { AUTHORITY_KIND_LABELS } from '../common/labels';
import { useT } from '../i18n/i18n';
import type { PickedAuthority } from './AuthorityCombobox';
import type { Option } from './AuthorityOptions';

interface Choice {
  trimmed: string;
  onPick: (authority: PickedAuthority, created: boolean) => void;
  onCreateLater: ((draft: Pick<AuthorityView, 'name' | 'kind'>) => void) | undefined;
  /** Closes the list and puts the chosen name (or nothing) in the box. */
  done: (name: string) => void;
}

export function useComboboxChoice({ trimmed, onPick, onCreateLater, done }: Choice) {
  const { t } = useT('editor');
  const [error, setError] = useState<ArchiveError | null>(null);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState('');

  const finish = (a: PickedAuthority, created: boolean) => {
    onPick(a, created);
    setNotice(
      created
        ? t('combobox.created', { name: a.name, kind: AUTHORITY_KIND_LABELS[a.kind] })
        : t('combobox.chosen', { name: a.name }),
    );
    done(a.name);
  };

  const choose = async (option: Option) => {
    setError(null);
    if (option.kind === 'found') return finish(option.authority, false);
    if (onCreateLater) {
      onCreateLater({ name: trimmed, kind: option.as });
      setNotice(t('combobox.pending', { name: trimmed, kind: AUTHORITY_KIND_LABELS[option.as] }));
      return done(trimmed);
    }
    setCreating(true);
    const result = await archive.createAuthority({ kind: option.as, name: trimmed });
    setCreating(false);
    if (result.ok) finish(result.value, true);
    else setError(result.error);
  };

  return { choose, creating, error, setError, notice, setNotice };
}
