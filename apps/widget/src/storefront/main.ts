import { h, render } from 'preact'
import { createStoreClient } from '../shared/store-client.ts'
import { detectLocale, localeTags } from '../shared/store-locale.ts'
import { StorefrontApp } from './storefront-app.ts'
import './storefront.css'

/** Boots the demo storefront (`/`, `/products/:slug`, `/cart`). */
async function startStorefront(): Promise<void> {
  const store = createStoreClient('')
  let chosen: string | null = null
  try {
    chosen = localStorage.getItem('kedai:locale')
  } catch {
    chosen = null
  }
  const initialLocale = detectLocale({
    chosen,
    browserLanguages: navigator.languages,
    fallback: 'en',
  })
  // Set before the widget script runs, so the widget starts in the page's language.
  document.documentElement.lang = localeTags[initialLocale]
  const configuration = await store.fetchConfiguration().catch(() => undefined)
  if (configuration !== undefined)
    document.documentElement.style.setProperty('--brand', configuration.theme.primaryColor)
  const root = document.getElementById('storefront')
  if (root !== null) render(h(StorefrontApp, { store, configuration, initialLocale }), root)
}

void startStorefront()
