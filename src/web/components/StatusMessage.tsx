/** A polite live region for outcomes ("Saved", "Copied"); it stays in the page so it is heard. */
export function StatusMessage({ message }: { message: string | null }) {
  return (
    <p role="status" className={message ? 'status' : 'status status--empty'}>
      {message}
    </p>
  );
}
