import type { SeededRandom } from '#sample_data/seeded_random'

/*
 * Word lists for generated bench data: plain English that reads like a real team's tracker, in
 * enough combinations (tens of thousands of titles) that searches and sorts meet varied text.
 */

const FIRST_NAMES = [
  'Ada',
  'Alan',
  'Grace',
  'Linus',
  'Margaret',
  'Dennis',
  'Barbara',
  'Ken',
  'Frances',
  'Edsger',
  'Radia',
  'Tim',
  'Hedy',
  'Donald',
  'Katherine',
  'John',
  'Joan',
  'Guido',
  'Sophie',
  'Bjarne',
  'Lynn',
  'Niklaus',
  'Mary',
  'Claude',
  'Evelyn',
  'Yukihiro',
  'Annie',
  'Rasmus',
  'Shafi',
  'James',
]

const LAST_NAMES = [
  'Lovelace',
  'Turing',
  'Hopper',
  'Torvalds',
  'Hamilton',
  'Ritchie',
  'Liskov',
  'Thompson',
  'Allen',
  'Dijkstra',
  'Perlman',
  'Berners-Lee',
  'Lamarr',
  'Knuth',
  'Johnson',
  'McCarthy',
  'Clarke',
  'van Rossum',
  'Wilson',
  'Stroustrup',
  'Conway',
  'Wirth',
  'Kenyon',
  'Shannon',
  'Boyd',
  'Matsumoto',
  'Easley',
  'Lerdorf',
  'Goldwasser',
  'Gosling',
]

const PROJECT_CODENAMES = [
  'Apollo',
  'Gemini',
  'Mercury',
  'Orion',
  'Vega',
  'Atlas',
  'Nova',
  'Juno',
  'Helios',
  'Titan',
  'Kepler',
  'Hubble',
  'Polaris',
  'Lyra',
  'Cassini',
  'Voyager',
  'Pioneer',
  'Rosetta',
  'Artemis',
  'Horizon',
]

const PROJECT_AREAS = [
  'Website',
  'Mobile app',
  'Billing',
  'Onboarding',
  'Data platform',
  'Design system',
  'Support portal',
  'Analytics',
  'Infrastructure',
  'Marketing site',
  'Search',
  'Payments',
  'Partner API',
  'Internal tools',
  'Docs site',
]

const PROJECT_GOALS = [
  'Everything needed for the next public release.',
  'Small fixes and improvements requested by customers.',
  'The rebuild planned for this quarter, tracked task by task.',
  'Shared work between the product and engineering teams.',
  'Keeping the service fast, safe and boring.',
  'The backlog, triaged every Monday.',
]

const VERBS = [
  'Fix',
  'Add',
  'Update',
  'Remove',
  'Refactor',
  'Document',
  'Test',
  'Review',
  'Redesign',
  'Migrate',
  'Improve',
  'Investigate',
  'Speed up',
  'Clean up',
  'Translate',
  'Audit',
  'Automate',
  'Simplify',
  'Monitor',
  'Prototype',
]

const SUBJECTS = [
  'the login form',
  'password reset emails',
  'the billing page',
  'CSV export',
  'search results',
  'the onboarding checklist',
  'dark mode colours',
  'API rate limits',
  'the mobile menu',
  'invoice PDFs',
  'notification settings',
  'the release checklist',
  'image uploads',
  'the activity feed',
  'user avatars',
  'webhook retries',
  'the pricing table',
  'the date picker',
  'error pages',
  'the sign-up flow',
  'session timeouts',
  'the admin list filters',
  'database backups',
  'the status page',
  'keyboard shortcuts',
  'email templates',
  'the task board',
  'team invitations',
  'audit logs',
  'file previews',
  'the settings page',
  'translations',
  'the public API docs',
  'SSO with Google',
  'the nightly import',
  'cache headers',
  'the deploy script',
  'accessibility labels',
  'the comment editor',
  'two-factor login',
]

const QUALIFIERS = [
  '',
  '',
  '',
  '',
  ' on Safari',
  ' for admins',
  ' before the release',
  ' in the dashboard',
  ' on slow networks',
  ' for new users',
  ' after the migration',
  ' in French and German',
  ' for large projects',
  ' on Android',
  ' behind the proxy',
  ' in the mobile app',
  ' for archived projects',
  ' under load',
  ' with screen readers',
  ' on the staging server',
]

const SENTENCES = [
  'Customers reported this twice last week.',
  'Steps to reproduce are in the support ticket.',
  'It only happens when the list has more than one page.',
  'The current behaviour confuses new users.',
  'We agreed on the approach in the last planning meeting.',
  'Design mockups are attached to the parent task.',
  'Check the error logs from Tuesday for the stack trace.',
  'This blocks the next release.',
  'Keep the old behaviour behind a flag until the migration is done.',
  'The fix should include a regression test.',
  'Measure before and after; the page is slow for big accounts.',
  'Ask the support team which customers are affected.',
  'The copy needs a review by the docs team.',
  'Mobile and desktop should behave the same way.',
  'Nothing changes for existing users.',
  'Split into smaller tasks if it grows past a week.',
  'See the thread in the team channel for context.',
  'The legal team asked for this before the audit.',
  'Make sure it works with keyboard only.',
  'Low risk, but touches a lot of files.',
  'The third-party library has a newer version that fixes this.',
  'Pair with someone from the platform team on this one.',
  'Add a note to the changelog when it ships.',
  'Use the existing component instead of a new one.',
  'Data from the old system has to be kept.',
  'The numbers in the weekly report looked wrong because of this.',
  'Wait for the API change to land first.',
  'Timebox the investigation to two days.',
  'This came up in three user interviews.',
  'Performance matters more than looks here.',
]

const COMMENTS = [
  'I can take this one.',
  'Looks good to me.',
  'Pushed a first draft, feedback welcome.',
  'Could not reproduce on my machine, can you share the steps?',
  'This is done on staging, please have a look.',
  'Blocked until the API change is merged.',
  'Moved the due date, the design review slipped.',
  'Added screenshots of the new version.',
  'Should we split this into two tasks?',
  'The tests pass now.',
  'Customer confirmed the fix works.',
  'Let us discuss this in tomorrow’s stand-up.',
  'I left a few notes in the review.',
  'Reverted for now, it broke the export.',
  'Updated the description with what we decided.',
  'Any news on this one?',
  'Ready for review.',
  'Found the cause: a missing index on the table.',
  'Assigning to myself for this sprint.',
  'Closing the loop: shipped in the last release.',
]

/** The labels bench projects pick theirs from: name and colour. */
export const BENCH_LABELS: readonly (readonly [string, string])[] = [
  ['bug', '#dc2626'],
  ['feature', '#2563eb'],
  ['design', '#9333ea'],
  ['docs', '#059669'],
  ['urgent', '#ea580c'],
  ['backend', '#475569'],
  ['frontend', '#0891b2'],
  ['performance', '#ca8a04'],
  ['security', '#be123c'],
  ['research', '#7c3aed'],
  ['chore', '#64748b'],
  ['accessibility', '#16a34a'],
]

/** A person's name for the bench user number `n` (1-based): the same name for the same number. */
export function benchPersonName(n: number): string {
  const index = n - 1
  const round = Math.floor(index / FIRST_NAMES.length)
  return `${FIRST_NAMES[index % FIRST_NAMES.length]} ${LAST_NAMES[(index * 7 + round) % LAST_NAMES.length]}`
}

/**
 * The name of generated project number `index` (0-based), such as "Orion Billing": distinct for
 * the first 300, then numbered ("Orion Billing 2").
 */
export function projectName(index: number): string {
  const codename = PROJECT_CODENAMES[index % PROJECT_CODENAMES.length]
  const combinations = PROJECT_CODENAMES.length * PROJECT_AREAS.length
  const area = PROJECT_AREAS[Math.floor(index / PROJECT_CODENAMES.length) % PROJECT_AREAS.length]
  const round = Math.floor(index / combinations)
  return round === 0 ? `${codename} ${area}` : `${codename} ${area} ${round + 1}`
}

/** A one-sentence project description. */
export function projectDescription(random: SeededRandom): string {
  return random.pick(PROJECT_GOALS)
}

/** A task title such as "Fix the login form on Safari". */
export function taskTitle(random: SeededRandom): string {
  return `${random.pick(VERBS)} ${random.pick(SUBJECTS)}${random.pick(QUALIFIERS)}`
}

/** A task description of one to three sentences, or none at all now and then. */
export function taskDescription(random: SeededRandom): string {
  if (random.chance(0.15)) return ''
  return sentences(random, SENTENCES, random.int(1, 3))
}

/** A comment of one sentence, sometimes followed by a second one. */
export function commentBody(random: SeededRandom): string {
  const first = random.pick(COMMENTS)
  return random.chance(0.3) ? `${first} ${random.pick(SENTENCES)}` : first
}

function sentences(random: SeededRandom, pool: readonly string[], count: number) {
  return random.sample(pool, count).join(' ')
}
