import type SqliteDatabase from 'better-sqlite3'
import type { CompiledQuery } from 'kysely'
import {
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
} from 'kysely'

/**
 * A Kysely dialect for better-sqlite3 with group commit.
 *
 * SQLite spends most of a small write transaction on its commit: every page the transaction touched
 * is appended to the write-ahead log again. A chat turn is two small transactions, so under load the
 * same hot pages (the newest index leaves, the conversations table) were written thousands of times
 * a second. Here, each application transaction runs as a savepoint inside one shared SQLite
 * transaction, and the shared transaction commits once the event loop has had two turns — every
 * transaction that finished in the meantime is made durable by one commit.
 *
 * What callers see does not change: a transaction's `commit` (and a write outside a transaction)
 * resolves only after the commit that made it durable, and fails if that commit fails. Transactions
 * still run one at a time (SQLite has one connection), a failing transaction is undone alone (its
 * savepoint is rolled back), and reads see what earlier transactions of this process wrote.
 */
export function createGroupCommitSqliteDialect(
  database: SqliteDatabase.Database,
  options: GroupCommitOptions = {},
): Dialect {
  return {
    createAdapter: (): DialectAdapter => new SqliteAdapter(),
    createDriver: (): Driver => new GroupCommitSqliteDriver(database, options),
    createQueryCompiler: (): QueryCompiler => new SqliteQueryCompiler(),
    createIntrospector: (db: Kysely<unknown>): DatabaseIntrospector => new SqliteIntrospector(db),
  }
}

/** Options of {@link createGroupCommitSqliteDialect}. */
export interface GroupCommitOptions {
  /** Told after each SQLite commit how many transactions and lone writes it made durable. */
  readonly onCommit?: (waiting: number) => void
}

/** Statements that end or open SQLite transactions themselves; they bypass the grouping. */
const transactionControl = /^\s*(begin|commit|end|rollback|savepoint|release)\b/i

/** Most prepared statements kept; the application's query shapes fit many times over. */
const statementCacheSize = 500

/** The name of the savepoint an application transaction runs in. */
const transactionSavepoint = 'kedai_transaction'

interface Waiter {
  readonly resolve: () => void
  readonly reject: (error: unknown) => void
}

/** One use of the single connection, from acquire to release. */
class Lease implements DatabaseConnection {
  released = false
  inTransaction = false

  constructor(private readonly driver: GroupCommitSqliteDriver) {}

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    if (this.released) {
      await this.driver.relock()
      this.released = false
    }
    return this.driver.execute<R>(this, compiledQuery)
  }

  // eslint-disable-next-line require-yield -- streaming is not used by Kedai; refused clearly
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming queries are not supported by the SQLite group-commit driver')
  }
}

class GroupCommitSqliteDriver implements Driver {
  private readonly queue: (() => void)[] = []
  private locked = false
  /** True while the shared SQLite transaction is open. */
  private open = false
  /** Transactions and writes waiting for the shared transaction to commit. */
  private waiters: Waiter[] = []
  private flushScheduled = false
  private destroyed = false

  private readonly statements = new Map<string, SqliteDatabase.Statement>()

  constructor(
    private readonly database: SqliteDatabase.Database,
    private readonly options: GroupCommitOptions,
  ) {}

  async init(): Promise<void> {
    // The connection is opened by the caller.
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.lock()
    return new Lease(this)
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease
    if (lease.released) return
    lease.released = true
    this.unlock()
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease
    if (lease.released) {
      await this.lock()
      lease.released = false
    }
    this.openShared()
    this.run(`savepoint ${transactionSavepoint}`)
    lease.inTransaction = true
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease
    this.run(`release ${transactionSavepoint}`)
    lease.inTransaction = false
    const durable = this.waitForCommit()
    // Let the next transaction in while this one waits for the shared commit.
    lease.released = true
    this.unlock()
    await durable
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease
    lease.inTransaction = false
    if (!this.database.inTransaction) {
      // SQLite already rolled the shared transaction back (a disk or memory error): the others lost
      // their work too and are told so.
      this.abandonShared(new Error('the SQLite transaction was rolled back'))
      return
    }
    this.run(`rollback to ${transactionSavepoint}`)
    this.run(`release ${transactionSavepoint}`)
  }

  async savepoint(
    connection: DatabaseConnection,
    name: string,
    compileQuery: QueryCompiler['compileQuery'],
  ): Promise<void> {
    void compileQuery
    void connection
    this.run(`savepoint ${quoteName(name)}`)
  }

  async rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compileQuery: QueryCompiler['compileQuery'],
  ): Promise<void> {
    void compileQuery
    void connection
    this.run(`rollback to ${quoteName(name)}`)
  }

  async releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compileQuery: QueryCompiler['compileQuery'],
  ): Promise<void> {
    void compileQuery
    void connection
    this.run(`release ${quoteName(name)}`)
  }

  async destroy(): Promise<void> {
    if (this.destroyed) return
    await this.lock()
    this.commitShared()
    this.destroyed = true
    this.statements.clear()
    this.database.close()
    this.unlock()
  }

  /** Runs one statement for a lease. A write outside a transaction waits for the shared commit. */
  execute<R>(lease: Lease, compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const { sql, parameters } = compiledQuery
    if (transactionControl.test(sql)) {
      throw new Error('transactions are opened and closed through Kysely, not with raw statements')
    }
    const statement = this.prepare(sql)
    if (statement.readonly) {
      // A read, or a statement that changes nothing stored (a pragma that sets a connection option).
      if (statement.reader) return Promise.resolve({ rows: statement.all(parameters) as R[] })
      statement.run(parameters)
      return Promise.resolve({ rows: [] })
    }
    const joinsShared = !lease.inTransaction
    if (joinsShared) this.openShared()
    let queryResult: QueryResult<R>
    try {
      if (statement.reader) {
        queryResult = { rows: statement.all(parameters) as R[] }
      } else {
        const result = statement.run(parameters)
        queryResult = {
          numAffectedRows: BigInt(result.changes),
          insertId: BigInt(result.lastInsertRowid),
          rows: [],
        }
      }
    } catch (error) {
      if (this.open && !this.database.inTransaction) this.abandonShared(error)
      throw error
    }
    if (!joinsShared) return Promise.resolve(queryResult)
    // A write on its own waits for the shared commit like a transaction does, without holding the
    // connection meanwhile; a later query of the same lease takes the connection back first.
    const durable = this.waitForCommit()
    lease.released = true
    this.unlock()
    return durable.then(() => queryResult)
  }

  private run(sql: string): void {
    this.prepare(sql).run()
  }

  /**
   * Prepared statements are kept by SQL text (least recently used dropped first): preparing cost
   * more than running the small queries of a chat turn.
   */
  private prepare(sql: string): SqliteDatabase.Statement {
    const cached = this.statements.get(sql)
    if (cached !== undefined) {
      this.statements.delete(sql)
      this.statements.set(sql, cached)
      return cached
    }
    const statement = this.database.prepare(sql)
    this.statements.set(sql, statement)
    if (this.statements.size > statementCacheSize) {
      const oldest = this.statements.keys().next().value
      if (oldest !== undefined) this.statements.delete(oldest)
    }
    return statement
  }

  private openShared(): void {
    if (this.open && this.database.inTransaction) return
    if (this.open) this.abandonShared(new Error('the SQLite transaction was rolled back'))
    this.run('begin')
    this.open = true
  }

  private waitForCommit(): Promise<void> {
    const durable = new Promise<void>((resolve, reject) => {
      this.waiters.push({ resolve, reject })
    })
    if (!this.flushScheduled) {
      this.flushScheduled = true
      // Two turns of the event loop: the requests that arrived while this one's were handled are
      // read in the next turn's poll and join the same commit (about 10 % more turns per second
      // with 10 shoppers over HTTP, and a lower p99: fewer commits, each a little bigger).
      setImmediate(() => {
        setImmediate(() => {
          void this.flush()
        })
      })
    }
    return durable
  }

  private async flush(): Promise<void> {
    await this.lock()
    this.flushScheduled = false
    try {
      this.commitShared()
    } finally {
      this.unlock()
    }
  }

  /**
   * Commits the shared transaction and tells everyone who waited for it; returns the error when the
   * commit failed.
   */
  private commitShared(): unknown {
    const waiters = this.waiters
    this.waiters = []
    if (!this.open) {
      for (const waiter of waiters) waiter.resolve()
      return undefined
    }
    this.open = false
    try {
      this.run('commit')
    } catch (error) {
      if (this.database.inTransaction) this.run('rollback')
      for (const waiter of waiters) waiter.reject(error)
      return error ?? new Error('the SQLite commit failed')
    }
    for (const waiter of waiters) waiter.resolve()
    this.options.onCommit?.(waiters.length)
    return undefined
  }

  private abandonShared(error: unknown): void {
    this.open = false
    const waiters = this.waiters
    this.waiters = []
    for (const waiter of waiters) waiter.reject(error)
  }

  /** Takes the connection back for a lease that let it go while waiting for a commit. */
  relock(): Promise<void> {
    return this.lock()
  }

  private lock(): Promise<void> {
    if (!this.locked) {
      this.locked = true
      return Promise.resolve()
    }
    return new Promise((resolve) => this.queue.push(resolve))
  }

  private unlock(): void {
    const next = this.queue.shift()
    if (next === undefined) this.locked = false
    else next()
  }
}

function quoteName(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}
