import type { SelectHTMLAttributes } from 'react'
import { cn } from '~/lib/cn'
import { fieldClasses } from '~/components/ui/input'

/** A native select: keyboard, screen reader and mobile pickers work as the platform intends. */
export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={cn(fieldClasses, 'pr-8', className)} {...props} />
}
