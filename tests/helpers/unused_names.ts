/**
 * The first of `Invoice`, `OtherInvoice`, `OtherOtherInvoice`… that `isTaken` does not claim: a
 * model name a test can scaffold, or expect to be missing, whatever the app already holds (a
 * resource someone scaffolded with that very name included).
 */
export async function unusedName(
  base: string,
  isTaken: (name: string) => boolean | Promise<boolean>
): Promise<string> {
  let name = base
  while (await isTaken(name)) name = `Other${name}`
  return name
}
