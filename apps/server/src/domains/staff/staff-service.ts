import { createHash, randomBytes } from 'node:crypto'
import type { Db } from '../../db/database.ts'
import type { Clock } from '../../shared/clock.ts'
import type { IdGenerator } from '../../shared/ids.ts'
import { hashPassword, isPasswordCorrect } from './hash-password.ts'

/** Roles of console users. Admins can do everything agents can, plus administration. */
export const staffRoles = ['agent', 'admin'] as const
/** One of {@link staffRoles}. */
export type StaffRole = (typeof staffRoles)[number]

/** Presence of an agent for routing. */
export const staffPresences = ['online', 'away', 'offline'] as const
/** One of {@link staffPresences}. */
export type StaffPresence = (typeof staffPresences)[number]

/** A console user as the rest of Kedai sees it (never the password hash). */
export interface StaffMember {
  readonly id: string
  readonly email: string
  readonly displayName: string
  readonly role: StaffRole
  readonly languages: readonly string[]
  readonly skills: readonly string[]
  readonly team: string | null
  readonly capacity: number
  readonly presence: StaffPresence
}

/** What a new console user needs. */
export interface NewStaffMember {
  readonly email: string
  readonly displayName: string
  readonly password: string
  readonly role: StaffRole
  readonly languages?: readonly string[]
  readonly skills?: readonly string[]
  readonly team?: string | null
  readonly capacity?: number
  readonly presence?: StaffPresence
}

/** A signed-in session: the token is shown once, only its hash is stored. */
export interface StaffSession {
  readonly token: string
  readonly expiresAt: string
  readonly member: StaffMember
}

/** Sign-in, sessions and the staff directory of the console. */
export interface StaffService {
  createMember(input: NewStaffMember): Promise<StaffMember>
  /** Returns a session, or `undefined` for an unknown e-mail or a wrong password (same answer for both). */
  signIn(email: string, password: string): Promise<StaffSession | undefined>
  /** The member behind a session token, when the session exists, is not revoked and not expired. */
  resolveSession(token: string): Promise<StaffMember | undefined>
  signOut(token: string): Promise<void>
  listMembers(): Promise<StaffMember[]>
  findMember(id: string): Promise<StaffMember | undefined>
  setPresence(id: string, presence: StaffPresence): Promise<void>
}

const sessionLifetimeMs = 12 * 60 * 60 * 1000
// A real hash of a random password, so an unknown e-mail costs the same time as a wrong password.
const decoyHash = hashPassword(randomBytes(12).toString('hex'))

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

function toMember(row: {
  id: string
  email: string
  display_name: string
  role: string
  languages: string
  skills: string
  team: string | null
  capacity: number
  presence: string
}): StaffMember {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role as StaffRole,
    languages: JSON.parse(row.languages) as string[],
    skills: JSON.parse(row.skills) as string[],
    team: row.team,
    capacity: row.capacity,
    presence: row.presence as StaffPresence,
  }
}

const memberColumns = [
  'id',
  'email',
  'display_name',
  'role',
  'languages',
  'skills',
  'team',
  'capacity',
  'presence',
] as const

/** Creates the {@link StaffService} over the `staff_members` and `staff_sessions` tables. */
export function createStaffService(dependencies: {
  db: Db
  clock: Clock
  createId: IdGenerator
}): StaffService {
  const { db, clock, createId } = dependencies
  return {
    async createMember(input) {
      const now = clock.now().toISOString()
      const row = {
        id: createId('agt'),
        email: input.email.trim().toLowerCase(),
        display_name: input.displayName,
        password_hash: await hashPassword(input.password),
        role: input.role,
        languages: JSON.stringify(input.languages ?? ['en']),
        skills: JSON.stringify(input.skills ?? []),
        team: input.team ?? null,
        capacity: input.capacity ?? 3,
        presence: input.presence ?? 'offline',
        created_at: now,
        updated_at: now,
      }
      await db.insertInto('staff_members').values(row).execute()
      return toMember(row)
    },

    async signIn(email, password) {
      const row = await db
        .selectFrom('staff_members')
        .selectAll()
        .where('email', '=', email.trim().toLowerCase())
        .executeTakeFirst()
      const correct = await isPasswordCorrect(password, row?.password_hash ?? (await decoyHash))
      if (row === undefined || !correct) return undefined
      const token = randomBytes(32).toString('base64url')
      const now = clock.now()
      const expiresAt = new Date(now.getTime() + sessionLifetimeMs).toISOString()
      await db
        .insertInto('staff_sessions')
        .values({
          id: createId('ses'),
          token_hash: hashToken(token),
          staff_id: row.id,
          created_at: now.toISOString(),
          expires_at: expiresAt,
          revoked_at: null,
        })
        .execute()
      return { token, expiresAt, member: toMember(row) }
    },

    async resolveSession(token) {
      if (token.length === 0 || token.length > 200) return undefined
      const row = await db
        .selectFrom('staff_sessions')
        .innerJoin('staff_members', 'staff_members.id', 'staff_sessions.staff_id')
        .select(memberColumns.map((column) => `staff_members.${column}` as const))
        .where('staff_sessions.token_hash', '=', hashToken(token))
        .where('staff_sessions.revoked_at', 'is', null)
        .where('staff_sessions.expires_at', '>', clock.now().toISOString())
        .executeTakeFirst()
      return row === undefined ? undefined : toMember(row)
    },

    async signOut(token) {
      await db
        .updateTable('staff_sessions')
        .set({ revoked_at: clock.now().toISOString() })
        .where('token_hash', '=', hashToken(token))
        .execute()
    },

    async listMembers() {
      const rows = await db
        .selectFrom('staff_members')
        .select(memberColumns)
        .orderBy('display_name')
        .execute()
      return rows.map(toMember)
    },

    async findMember(id) {
      const row = await db
        .selectFrom('staff_members')
        .select(memberColumns)
        .where('id', '=', id)
        .executeTakeFirst()
      return row === undefined ? undefined : toMember(row)
    },

    async setPresence(id, presence) {
      await db
        .updateTable('staff_members')
        .set({ presence, updated_at: clock.now().toISOString() })
        .where('id', '=', id)
        .execute()
    },
  }
}
