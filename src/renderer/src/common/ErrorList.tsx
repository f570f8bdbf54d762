/** Several problems at once (one per file of an import, say), each on its own line. */
export function ErrorList({ errors }: { errors: string[] }) {
  if (errors.length === 0) return null;
  return (
    <ul className="error" role="alert">
      {errors.map((e, i) => (
        <li key={`${i}:${e}`}>{e}</li>
      ))}
    </ul>
  );
}
