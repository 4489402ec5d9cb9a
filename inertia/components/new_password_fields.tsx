import { FormField } from '~/components/form_field'

type NewPasswordFieldsProps = {
  password: string
  confirmation: string
  onPasswordChange: (value: string) => void
  onConfirmationChange: (value: string) => void
  errors: { password?: string; passwordConfirmation?: string }
  /** "Password" on sign-up, "New password" when changing or resetting one. */
  label?: string
  hint?: string
  autoFocus?: boolean
}

/** A new password typed twice, with the rules as a hint; field names match the validators. */
export function NewPasswordFields({
  password,
  confirmation,
  onPasswordChange,
  onConfirmationChange,
  errors,
  label = 'New password',
  hint = 'At least 10 characters; not a common password, nor your name or email.',
  autoFocus,
}: NewPasswordFieldsProps) {
  return (
    <>
      <FormField
        id="password"
        label={label}
        type="password"
        autoComplete="new-password"
        autoFocus={autoFocus}
        required
        hint={hint}
        value={password}
        onChange={onPasswordChange}
        error={errors.password}
      />
      <FormField
        id="passwordConfirmation"
        label={`Confirm ${label.toLowerCase()}`}
        type="password"
        autoComplete="new-password"
        required
        value={confirmation}
        onChange={onConfirmationChange}
        error={errors.passwordConfirmation}
      />
    </>
  )
}
