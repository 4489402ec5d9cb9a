/** An account the demo seed creates, and that the first "npm run dev" prints. */
export type DemoAccount = {
  email: string
  fullName: string
  role: string
  isStaff: boolean
  isSuperuser: boolean
}

/** The demo password, unless DEMO_PASSWORD says otherwise. Demo data only: never in production. */
export const DEFAULT_DEMO_PASSWORD = 'atrium-demo-2026'

/** The accounts of the demo seed: one per kind of user. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    email: 'admin@atrium.test',
    fullName: 'Ada Admin',
    role: 'superuser',
    isStaff: true,
    isSuperuser: true,
  },
  {
    email: 'staff@atrium.test',
    fullName: 'Sam Staff',
    role: 'staff',
    isStaff: true,
    isSuperuser: false,
  },
  {
    email: 'grace@atrium.test',
    fullName: 'Grace Hopper',
    role: 'user',
    isStaff: false,
    isSuperuser: false,
  },
  {
    email: 'alan@atrium.test',
    fullName: 'Alan Turing',
    role: 'user',
    isStaff: false,
    isSuperuser: false,
  },
]
