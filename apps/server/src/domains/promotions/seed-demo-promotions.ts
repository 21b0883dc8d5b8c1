import { readFileSync } from 'node:fs'
import { z } from 'zod'
import type { PromotionsService } from './promotions-service.ts'
import { promotionDefinitionSchema } from './promotions-service.ts'

const demoPromotionsFileSchema = z.object({ promotions: z.array(promotionDefinitionSchema) })

/**
 * Loads the demo promotions (`data/demo/promotions.json`) into the database, by key, so running it
 * twice changes nothing. Call after the demo store is seeded. Returns how many were saved.
 */
export async function seedDemoPromotions(
  promotions: PromotionsService,
  options: { file: string },
): Promise<{ promotions: number }> {
  const parsed = demoPromotionsFileSchema.parse(JSON.parse(readFileSync(options.file, 'utf8')))
  for (const definition of parsed.promotions) await promotions.savePromotion(definition)
  return { promotions: parsed.promotions.length }
}
