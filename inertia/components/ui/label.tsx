import type { LabelHTMLAttributes } from 'react'
import { cn } from '~/lib/cn'

/** A form label; always give it `htmlFor` so the field is announced by name. */
export function Label({ className, ...props }: LabelHTMLAttributes<HTMLLabelElement>) {
  return <label className={cn('block text-sm font-medium', className)} {...props} />
}
