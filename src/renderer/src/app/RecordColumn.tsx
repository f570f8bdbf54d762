/** The right pane, by the route: a record, its editor, a new record, an authority, a collection, a list of authorities, or a prompt to choose. */
import type { RecordType } from '../../../shared/model';
import { AuthorityIndex } from '../authorities/AuthorityIndex';
import { AuthorityPage } from '../authorities/AuthorityPage';
import { CollectionPage } from '../collections/CollectionPage';
import { RecordEditor } from '../editor/RecordEditor';
import { useT } from '../i18n/i18n';
import { RecordPanel } from '../record/RecordPanel';
import { backToList, showRecord, startEdit } from './moves';
import type { Route } from './route';

interface Props {
  route: Route;
  revision: number;
  /** The type a new record starts as: the one the list is filtered to. */
  initialType: RecordType | undefined;
  onChanged: () => void;
  /** "Show in the list": the records linked to an authority. */
  onShowLinked: (authority: { id: number; name: string }) => void;
  /** "Show in the list": the records of a collection and everything inside it. */
  onShowCollection: (collection: { id: number; name: string }) => void;
}

export function RecordColumn({ route, revision, initialType, onChanged, onShowLinked, onShowCollection }: Props) {
  const { t } = useT('layout');
  const saved = (id: number) => {
    onChanged();
    showRecord(id);
  };
  return (
    <div className="record-column">
      {route.view === 'record' ? (
        <RecordPanel
          key={route.id}
          id={route.id}
          revision={revision}
          onEdit={() => startEdit(route.id)}
          onDeleted={() => {
            onChanged();
            backToList();
          }}
          onShowLinked={onShowLinked}
        />
      ) : route.view === 'edit' ? (
        <RecordEditor
          key={`edit-${route.id}`}
          id={route.id}
          onSaved={(r) => saved(r.id)}
          onCancel={() => showRecord(route.id)}
        />
      ) : route.view === 'create' ? (
        <RecordEditor
          key="create"
          id={null}
          initialType={initialType}
          onSaved={(r) => saved(r.id)}
          onCancel={backToList}
        />
      ) : route.view === 'authority' ? (
        <AuthorityPage
          key={`authority-${route.id}`}
          id={route.id}
          revision={revision}
          onChanged={onChanged}
          onShowLinked={onShowLinked}
        />
      ) : route.view === 'collection' ? (
        <CollectionPage
          key={`collection-${route.id}`}
          id={route.id}
          revision={revision}
          onChanged={onChanged}
          onShowInList={onShowCollection}
        />
      ) : route.view === 'authorities' ? (
        <AuthorityIndex key={`authorities-${route.kind}`} kind={route.kind} revision={revision} />
      ) : (
        <p className="muted placeholder">{t('choose')}</p>
      )}
    </div>
  );
}
