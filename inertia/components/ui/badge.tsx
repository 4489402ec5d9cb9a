import type { HTMLAttributes } from 'react'
import { cn } from '~/lib/cn'

const TONES = {
  neutral: 'bg-muted text-muted-foreground',
  primary: 'bg-primary/15 text-primary',
  danger: 'bg-danger/15 text-danger',
  success: 'bg-success/15 text-success',
} as const

/** The colours a badge comes in. */
export type BadgeTone = keyof typeof TONES

type BadgeProps = HTMLAttributes<HTMLSpanElement> & { tone?: BadgeTone }

/** A small label for a status or count. */
export function Badge({ tone = 'neutral', className, ...props }: BadgeProps) {
  return (
    <span
      className={cn(
        'inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium',
        TONES[tone],
        className
      )}
      {...props}
    />
  )
}
