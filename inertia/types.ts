import type { Data } from '@generated/data'
import type { PropsWithChildren } from 'react'
import type { JSONDataTypes } from '@adonisjs/core/types/transformers'

/** Props of a page: its own props plus the shared ones (user, errors), typed from the server. */
export type InertiaProps<T extends JSONDataTypes = {}> = PropsWithChildren<Data.SharedProps & T>

/** The current user as pages receive it, or null for guests. */
export type CurrentUser = Data.SharedProps['user']
