import { clsx, type ClassValue } from 'clsx'

/** Joins class names, skipping falsy ones: `cn('btn', isActive && 'btn-active')`. */
export function cn(...classes: ClassValue[]): string {
  return clsx(classes)
}
