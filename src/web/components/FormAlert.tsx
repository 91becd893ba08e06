/** A form's error message, announced when it appears (role="alert" is an assertive live region). */
export function FormAlert({ message }: { message: string | null }) {
  return (
    <div className="form-alert">
      {message && (
        <p role="alert" className="alert alert--error">
          {message}
        </p>
      )}
    </div>
  );
}
