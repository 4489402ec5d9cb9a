/*
|--------------------------------------------------------------------------
| Application root
|--------------------------------------------------------------------------
|
| Shared by the server, console and test entry points: the folder the app
| runs from and the importer that loads files relative to it.
|
*/

/** URL of the application root (the source tree in development, `build/` in production). */
export const APP_ROOT = new URL('../', import.meta.url)

/** Imports a file relative to the application root, or a package by name. */
export function importer(filePath: string) {
  if (filePath.startsWith('./') || filePath.startsWith('../')) {
    return import(new URL(filePath, APP_ROOT).href)
  }
  return import(filePath)
}
