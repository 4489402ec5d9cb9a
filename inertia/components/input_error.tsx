/** The error message of one form field, linked to it by id for screen readers. */
export function InputError({ id, message }: { id: string; message?: string | null }) {
  if (!message) return null
  return (
    <p id={id} role="alert" className="mt-1 text-sm text-danger" data-test={`error-${id}`}>
      {message}
    </p>
  )
}
