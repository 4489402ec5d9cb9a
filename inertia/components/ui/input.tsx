import type { InputHTMLAttributes } from 'react'
import { cn } from '~/lib/cn'

/** Class names shared by text inputs and selects. */
export const fieldClasses = cn(
  'block w-full rounded-md border border-border bg-card px-3 py-2 text-sm text-foreground',
  'placeholder:text-muted-foreground focus:outline-2 focus:outline-offset-1 focus:outline-ring',
  'aria-invalid:border-danger disabled:opacity-60'
)

/** A text input. Pass `aria-invalid` when its field has an error. */
export function Input({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={cn(fieldClasses, className)} {...props} />
}
