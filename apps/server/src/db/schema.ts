import type { CommerceATables } from './tables/commerce-a.ts'
import type { CoreTables } from './tables/core.ts'

/**
 * Every table Kedai stores, by name: the union of each area's table interfaces in `tables/`.
 * Add an area by writing `tables/<area>.ts` and extending it here.
 */
export interface Database extends CoreTables, CommerceATables {}
