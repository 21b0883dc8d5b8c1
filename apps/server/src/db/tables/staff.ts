/** `staff_members`: agents and admins who sign in to the console. */
export interface StaffMemberTable {
  id: string
  email: string
  display_name: string
  /** `scrypt$N$r$p$salt$hash` (base64url parts). */
  password_hash: string
  role: string
  /** JSON array of locales the person answers in. */
  languages: string
  /** JSON array of topics (orders, returns, payments, fraud, sales). */
  skills: string
  team: string | null
  capacity: number
  presence: string
  created_at: string
  updated_at: string
}

/** `staff_sessions`: signed-in console sessions; only a hash of the token is stored. */
export interface StaffSessionTable {
  id: string
  token_hash: string
  staff_id: string
  created_at: string
  expires_at: string
  revoked_at: string | null
}

/** The staff tables by name. */
export interface StaffTables {
  staff_members: StaffMemberTable
  staff_sessions: StaffSessionTable
}
