import type { NewStaffMember, StaffService } from '../domains/staff/index.ts'

/** The demo store's console users: agents with different languages and skills, and an admin. */
export const demoStaffMembers: readonly Omit<NewStaffMember, 'password'>[] = [
  {
    email: 'aisha@kedai.example',
    displayName: 'Aisha',
    role: 'agent',
    languages: ['ms', 'en'],
    skills: ['returns', 'orders'],
    team: 'support',
    capacity: 3,
    presence: 'online',
  },
  {
    email: 'weiling@kedai.example',
    displayName: 'Wei Ling',
    role: 'agent',
    languages: ['zh-Hant', 'zh-Hans', 'en'],
    skills: ['payments', 'fraud', 'orders'],
    team: 'support',
    capacity: 3,
    presence: 'online',
  },
  {
    email: 'daniel@kedai.example',
    displayName: 'Daniel',
    role: 'agent',
    languages: ['en', 'ms'],
    skills: ['sales'],
    team: 'sales',
    capacity: 4,
    presence: 'online',
  },
  {
    email: 'admin@kedai.example',
    displayName: 'Store Admin',
    role: 'admin',
    languages: ['en'],
    skills: [],
    team: null,
    capacity: 2,
    presence: 'offline',
  },
]

/** Creates the demo console users (once, right after the demo store was loaded). */
export async function seedDemoStaff(staff: StaffService, password: string): Promise<void> {
  for (const member of demoStaffMembers) await staff.createMember({ ...member, password })
}
