/** Staff: console users (agents and admins), password sign-in and sessions. */
export {
  createStaffService,
  staffPresences,
  staffRoles,
  type NewStaffMember,
  type StaffMember,
  type StaffPresence,
  type StaffRole,
  type StaffService,
  type StaffSession,
} from './staff-service.ts'
export { hashPassword, isPasswordCorrect } from './hash-password.ts'
