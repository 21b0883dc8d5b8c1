import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SqliteDatabase from 'better-sqlite3'

/** Another server already serves this SQLite database. */
export class SqliteFileInUseError extends Error {
  constructor(readonly file: string) {
    super(
      `Another Kedai server is already using ${file}. Stop it first, or give this one its own KEDAI_DATA_DIR; to run several servers on one store, use PostgreSQL (DATABASE_URL).`,
    )
    this.name = 'SqliteFileInUseError'
  }
}

/** A claim on a SQLite database file, held until released or until the process ends. */
export interface SqliteFileClaim {
  release(): void
}

/**
 * Claims the SQLite database `file` for this server, or throws {@link SqliteFileInUseError} when
 * another server (in this process or another) holds it. A server on SQLite keeps conversations in
 * memory between turns, so a second server writing the same file would answer from stale state.
 *
 * The claim is an exclusive SQLite lock on a small companion file (`<file>.server-lock`), held by an
 * open transaction: the operating system drops it when the process ends, however it ends, so a
 * crashed server never leaves the folder claimed. Command-line tools that open the database for a
 * moment (migrate, seed) do not claim it.
 */
export function claimSqliteFile(file: string): SqliteFileClaim {
  const lockFile = `${file}.server-lock`
  mkdirSync(dirname(file), { recursive: true })
  const connection = new SqliteDatabase(lockFile)
  try {
    connection.pragma('busy_timeout = 0')
    connection.pragma('locking_mode = EXCLUSIVE')
    connection.exec('begin exclusive')
  } catch (error) {
    connection.close()
    if ((error as { code?: unknown }).code === 'SQLITE_BUSY') throw new SqliteFileInUseError(file)
    throw error
  }
  let released = false
  return {
    release() {
      if (released) return
      released = true
      connection.exec('rollback')
      connection.close()
    },
  }
}
