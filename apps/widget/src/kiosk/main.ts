import { createStoreClient, type StoreLocation } from '../shared/store-client.ts'
import { detectLocale, localeTags } from '../shared/store-locale.ts'
import './kiosk.css'

/**
 * The in-store kiosk (`/kiosk?store=<location code>`): a full-screen chat for a tablet on the shop
 * floor. The widget runs in kiosk mode with the store's location code, so the assistant answers with
 * that store's stock and aisles; no cart and no history carried between shoppers beyond the
 * session (the widget's "new shopper" button starts afresh).
 */
async function startKiosk(): Promise<void> {
  const root = document.getElementById('kiosk')
  if (root === null) return
  const code = new URLSearchParams(location.search).get('store') ?? ''
  const locale = detectLocale({ browserLanguages: navigator.languages, fallback: 'en' })
  document.documentElement.lang = localeTags[locale]
  const store = createStoreClient('')
  const [configuration, locations] = await Promise.all([
    store.fetchConfiguration().catch(() => undefined),
    store.fetchLocations(locale).catch((): StoreLocation[] => []),
  ])
  const here = locations.find((candidate) => candidate.code === code)
  if (configuration !== undefined)
    document.documentElement.style.setProperty('--brand', configuration.theme.primaryColor)

  const chat = document.createElement('div')
  chat.id = 'kiosk-chat'
  root.append(chat)

  const script = document.createElement('script')
  script.src = '/widget.js'
  script.dataset.kedaiStore = `kiosk-${code}`
  script.dataset.kedaiMode = 'kiosk'
  script.dataset.kedaiTarget = '#kiosk-chat'
  if (code.length > 0) script.dataset.kedaiLocation = code
  if (here !== undefined) script.dataset.kedaiLocationName = here.name
  document.body.appendChild(script)
}

void startKiosk()
