/** The part of better-sqlite3's API the ceiling uses (the package ships no types). */
declare module 'better-sqlite3' {
  namespace Database {
    interface Statement {
      readonly reader: boolean
      all(...values: unknown[]): unknown[]
      run(...values: unknown[]): unknown
    }
    interface Database {
      pragma(source: string): unknown
      prepare(source: string): Statement
      exec(source: string): void
      close(): void
    }
  }
  const Database: new (file: string) => Database.Database
  export default Database
}
