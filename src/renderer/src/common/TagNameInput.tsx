/** A text box for tag names that offers the library's tags as they are typed (a datalist). */
import { archive } from '../archive';
import type { ControlProps } from './FormField';
import { useResult } from './useResult';

export function TagNameInput({
  control,
  listId,
  value,
  onChange,
}: {
  control: ControlProps;
  /** The datalist's id: unique on the page. */
  listId: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const tags = useResult(() => archive.listTags({}), []);
  return (
    <>
      <input
        {...control}
        type="text"
        list={listId}
        autoComplete="off"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      <datalist id={listId}>
        {(tags.value ?? []).map((tag) => (
          <option key={tag.name} value={tag.name} />
        ))}
      </datalist>
    </>
  );
}
