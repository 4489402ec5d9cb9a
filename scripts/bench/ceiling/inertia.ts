import type { Row } from './database.ts'
import type { CeilingContext } from './context.ts'
import { sessionCookie } from './cookies.ts'
import type { CeilingSession } from './session_cookie.ts'
import { type CeilingRequest, type CeilingResponse, SECURITY_HEADERS, header } from './http.ts'

/** Up to two capital letters for avatars, as Atrium computes them. */
export function initialsOf(fullName: string, fallback = ''): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean)
  if (words.length >= 2) return `${words[0][0]}${words[words.length - 1][0]}`.toUpperCase()
  return (words[0] ?? fallback).slice(0, 2).toUpperCase()
}

/** The props every Atrium page shares: validation errors, the user and their abilities. */
export function sharedProps(user: Row) {
  const isActive = Boolean(user.is_active)
  const isStaff = Boolean(user.is_staff)
  const isSuperuser = Boolean(user.is_superuser)
  return {
    errors: {},
    user: {
      id: Number(user.id),
      fullName: user.full_name,
      email: user.email,
      initials: initialsOf(user.full_name, user.email),
      timeZone: user.time_zone,
      isStaff,
      isSuperuser,
      emailVerified: user.email_verified_at !== null,
    },
    abilities: { enterAdmin: isActive && isStaff, manageUsers: isActive && isSuperuser },
  }
}

/** Whether an Inertia visit was built against other assets than the ones served (409). */
export function staleVersion(request: CeilingRequest, version: string): boolean {
  return (
    request.method === 'GET' &&
    header(request, 'x-inertia') === 'true' &&
    header(request, 'x-inertia-version') !== version
  )
}

/** An Inertia page object answer, as Atrium's `inertia.render` sends it to an Inertia visit. */
export function renderPage(options: {
  context: CeilingContext
  request: CeilingRequest
  component: string
  props: Record<string, unknown>
  session: CeilingSession
}): CeilingResponse {
  const { context, request, session } = options
  // Flash messages are shown once: the session is written again only when it had some.
  const cookies = session.flash ? [sessionCookie(context, { ...session, flash: undefined })] : []
  const page = {
    component: options.component,
    url: request.url,
    version: context.version,
    props: options.props,
    deferredProps: {},
    mergeProps: [],
    deepMergeProps: [],
    prependProps: [],
    matchPropsOn: [],
    onceProps: {},
    scrollProps: {},
    rescuedProps: [],
    sharedProps: ['errors', 'user', 'abilities'],
    encryptHistory: true,
    flash: { success: session.flash?.success ?? null, error: session.flash?.error ?? null },
  }
  return {
    status: 200,
    headers: {
      ...SECURITY_HEADERS,
      'content-type': 'application/json; charset=utf-8',
      'vary': 'x-inertia',
      'x-inertia': 'true',
      ...(cookies.length ? { 'set-cookie': cookies } : {}),
    },
    body: JSON.stringify(page),
  }
}
