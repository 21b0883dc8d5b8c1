import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

/** How often the background connection copies the write-ahead log back into the database file. */
const checkpointIntervalMilliseconds = 200

/**
 * The worker's code (plain JavaScript, run as a script so it needs no file of its own in the built
 * server): a second connection to the same file that runs a PASSIVE checkpoint on a timer. PASSIVE
 * never waits for or blocks the application's writes; it copies what is committed and stops.
 */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
let connection
let stopped = false
const checkpoint = () => {
  if (stopped) return
  try {
    // Opened on the first tick (and again after a failure), once the application created the file.
    if (connection === undefined) {
      connection = new Database(workerData.file, { fileMustExist: true })
      connection.pragma('busy_timeout = 100')
    }
    connection.pragma('wal_checkpoint(PASSIVE)')
  } catch (error) {
    // Busy, not created yet, or a transient I/O error: the next tick tries again.
  }
}
const timer = setInterval(checkpoint, workerData.interval)
parentPort.on('message', (message) => {
  if (message !== 'stop') return
  stopped = true
  clearInterval(timer)
  connection?.close()
  parentPort.postMessage('stopped')
})
`

/** A running background checkpointer; `stop` ends it and closes its connection. */
export interface BackgroundCheckpoint {
  stop(): Promise<void>
}

/**
 * Starts copying the write-ahead log of the SQLite database `file` back into the database on
 * another thread. The application's connection then never stalls on a checkpoint (copying
 * thousands of pages at once held the event loop for tens of milliseconds); it keeps a far larger
 * automatic checkpoint as a safety net should this thread fall behind.
 */
export function startBackgroundCheckpoint(file: string): BackgroundCheckpoint {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3')
  const worker = new Worker(workerSource, {
    eval: true,
    workerData: { file, driver, interval: checkpointIntervalMilliseconds },
  })
  // The checkpointer must never keep the process alive or take it down.
  worker.unref()
  let exited = false
  worker.on('error', () => undefined)
  const exit = new Promise<void>((resolve) => {
    worker.once('exit', () => {
      exited = true
      resolve()
    })
  })
  return {
    async stop() {
      if (exited) return
      const stopped = new Promise<void>((resolve) => {
        worker.once('message', () => resolve())
      })
      worker.postMessage('stop')
      await Promise.race([stopped, exit])
      await worker.terminate()
    },
  }
}
