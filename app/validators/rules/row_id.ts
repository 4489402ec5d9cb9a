/** Route parameters that name a row; start/routes.ts gives each the row id matcher. */
export const ROW_ID_PARAMS = ['id', 'projectId', 'taskId'] as const

/**
 * A row id as text: the decimal integers from 1 to `MAX_ID` (2147483647, where PostgreSQL's
 * `integer` ends; a larger value fails the whole query, while SQLite stores anything), written the
 * one way: no sign, no leading zero, no decimals. Numbers of up to 9 digits, then, digit by
 * digit, the 10-digit numbers that stay at or below 2147483647. Forms and JSON use `recordId()`.
 */
export const ROW_ID =
  /^(?:[1-9]\d{0,8}|1\d{9}|20\d{8}|21[0-3]\d{7}|214[0-6]\d{6}|2147[0-3]\d{5}|21474[0-7]\d{4}|214748[0-2]\d{3}|2147483[0-5]\d{2}|21474836[0-3]\d|214748364[0-7])$/

/** Whether `value` is a row id written as text (a route segment, a query value, a form value). */
export function isRowId(value: unknown): value is string {
  return typeof value === 'string' && ROW_ID.test(value)
}

/**
 * The route matcher of a parameter that names a row: any other value matches no route (404)
 * and never reaches the database. The handler gets a number.
 */
export function rowIdMatcher() {
  return { match: ROW_ID, cast: (value: string) => Number(value) }
}
