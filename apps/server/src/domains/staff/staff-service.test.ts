import { expect, it } from 'vitest'
import { createManualClock } from '../../shared/clock.ts'
import { createId } from '../../shared/ids.ts'
import { describeEachEngine } from '../../testing/test-database.ts'
import { createStaffService } from './staff-service.ts'

describeEachEngine('StaffService', (getDatabase) => {
  const clock = createManualClock('2026-11-24T09:00:00Z')
  const service = () => createStaffService({ db: getDatabase().db, clock, createId })

  it('signs in with the right password and resolves the session to the member', async () => {
    await service().createMember({
      email: 'Aisha@Kedai.example',
      displayName: 'Aisha',
      password: 'correct horse',
      role: 'agent',
      languages: ['ms', 'en'],
      skills: ['returns'],
    })
    const session = await service().signIn('aisha@kedai.example', 'correct horse')
    expect(session?.member).toMatchObject({
      displayName: 'Aisha',
      role: 'agent',
      languages: ['ms', 'en'],
      skills: ['returns'],
    })
    expect(await service().resolveSession(session?.token ?? '')).toMatchObject({
      email: 'aisha@kedai.example',
    })
  })

  it('refuses a wrong password and an unknown e-mail alike', async () => {
    await service().createMember({
      email: 'wei@kedai.example',
      displayName: 'Wei Ling',
      password: 'pa55word!',
      role: 'admin',
    })
    expect(await service().signIn('wei@kedai.example', 'wrong')).toBeUndefined()
    expect(await service().signIn('nobody@kedai.example', 'pa55word!')).toBeUndefined()
  })

  it('stores no plain password and ends sessions on sign-out and expiry', async () => {
    await service().createMember({
      email: 'daniel@kedai.example',
      displayName: 'Daniel',
      password: 'sales-sales',
      role: 'agent',
    })
    const row = await getDatabase()
      .db.selectFrom('staff_members')
      .select('password_hash')
      .where('email', '=', 'daniel@kedai.example')
      .executeTakeFirstOrThrow()
    expect(row.password_hash).toMatch(/^scrypt\$/)
    expect(row.password_hash).not.toContain('sales-sales')
    const first = await service().signIn('daniel@kedai.example', 'sales-sales')
    await service().signOut(first?.token ?? '')
    expect(await service().resolveSession(first?.token ?? '')).toBeUndefined()
    const second = await service().signIn('daniel@kedai.example', 'sales-sales')
    clock.advance(13 * 60 * 60 * 1000)
    expect(await service().resolveSession(second?.token ?? '')).toBeUndefined()
  })
})
