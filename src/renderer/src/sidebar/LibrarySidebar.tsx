/**
 * The sidebar's library sections below the record types: collections (a tree), partnerships,
 * tags and recent imports. Each choice narrows the list; choosing it again lets it go. All of
 * them follow the catalogue revision.
 */
import { afterRows } from '../common/firstRows';
import { archive } from '../archive';
import { formatDay } from '../common/format';
import { useResult } from '../common/useResult';
import { useT } from '../i18n/i18n';
import type { ListQuery } from '../library/query';
import { CollectionTree } from './CollectionTree';
import { SideList } from './SideList';

interface Props {
  query: ListQuery;
  onQuery: (query: ListQuery) => void;
  revision: number;
  /** Something was written here (a collection arranged): refresh what shows it. */
  onChanged: () => void;
}

export function LibrarySidebar({ query, onQuery, revision, onChanged }: Props) {
  const { t } = useT('layout');
  const collections = useResult(() => archive.listCollections({}), [revision]);
  const partnerships = useResult(
    () => afterRows(() => archive.listAuthorities({ kind: 'partnership', limit: 200 })),
    [revision],
  );
  const tags = useResult(() => afterRows(() => archive.listTags({})), [revision]);
  const imports = useResult(() => afterRows(() => archive.recentImports({})), [revision]);
  return (
    <>
      <CollectionTree
        collections={collections.value ?? []}
        chosenId={query.collection?.id ?? null}
        onChoose={(collection) => onQuery({ ...query, collection })}
        onChanged={onChanged}
      />
      <SideList
        id="side-partnerships"
        heading={t('sidebar.partnerships')}
        none={t('sidebar.partnershipsNone')}
        items={(partnerships.value?.items ?? []).map((p) => ({
          key: String(p.id),
          label: p.name,
          count: p.recordCount,
          detail: p.date ? t('sidebar.since', { year: p.date.slice(0, 4) }) : undefined,
          chosen: query.authority?.id === p.id,
          onChoose: () =>
            onQuery({
              ...query,
              authority: query.authority?.id === p.id ? null : { id: p.id, name: p.name, kind: 'partnership' },
            }),
        }))}
      />
      <SideList
        id="side-tags"
        heading={t('sidebar.tags')}
        none={t('sidebar.tagsNone')}
        items={(tags.value ?? [])
          .filter((tag) => tag.count > 0)
          .map((tag) => ({
            key: tag.name,
            label: tag.name,
            count: tag.count,
            chosen: query.tag === tag.name,
            onChoose: () => onQuery({ ...query, tag: query.tag === tag.name ? null : tag.name }),
          }))}
      />
      <SideList
        id="side-imports"
        heading={t('sidebar.imports')}
        none={t('sidebar.importsNone')}
        items={(imports.value ?? []).map((b) => {
          const name = b.files > 1 ? t('sidebar.importName', { name: b.name, count: b.files - 1 }) : b.name;
          return {
            key: b.batch,
            label: name,
            detail: formatDay(b.at),
            chosen: query.importBatch?.batch === b.batch,
            onChoose: () =>
              onQuery({
                ...query,
                importBatch: query.importBatch?.batch === b.batch ? null : { batch: b.batch, name },
              }),
          };
        })}
      />
    </>
  );
}
