import type { SupportedLocale } from '@kedai/contracts'
import { h, render } from 'preact'
import {
  announceCartUpdate,
  createStoreClient,
  readCartToken,
  type StoreConfiguration,
} from '../shared/store-client.ts'
import { detectLocale } from '../shared/store-locale.ts'
import { ChatSession } from './chat-session.ts'
import { ChatWidget, localeChangedEvent, widgetModes, type WidgetMode } from './chat-widget.ts'
import { widgetStyles } from './widget-styles.ts'

/**
 * The embeddable widget: `<script src="https://kedai.example/widget.js" data-kedai-store="demo"
 * defer></script>`. Reads its settings from the script tag's `data-kedai-*` attributes, fetches the
 * store's configuration (theme, welcome text, languages) from the server it was loaded from, and
 * renders into a Shadow DOM so the page's styles and the widget's never meet.
 */

const localeKey = 'kedai:locale'

function findScript(): HTMLScriptElement | undefined {
  const current = document.currentScript
  if (current instanceof HTMLScriptElement) return current
  return document.querySelector<HTMLScriptElement>('script[data-kedai-store]') ?? undefined
}

function readStored(storage: Storage | undefined, key: string): string | undefined {
  try {
    return storage?.getItem(key) ?? undefined
  } catch {
    return undefined
  }
}

function writeStored(storage: Storage | undefined, key: string, value: string): void {
  try {
    storage?.setItem(key, value)
  } catch {
    // Storage can be disabled; the choice then lasts for this page.
  }
}

/** Settings of one widget on a page, from its script tag. */
export interface WidgetSettings {
  readonly baseUrl: string
  readonly store: string
  readonly mode: WidgetMode
  readonly locale: string | undefined
  readonly target: string | undefined
  readonly locationCode: string | undefined
  /** Shown under the store name (the kiosk's store). */
  readonly locationName: string | undefined
  readonly cartUrl: string | undefined
}

function readSettings(script: HTMLScriptElement): WidgetSettings {
  const data = script.dataset
  const baseUrl = new URL(script.src, location.href).origin
  const mode = widgetModes.find((candidate) => candidate === data.kedaiMode) ?? 'floating'
  const sameOrigin = baseUrl === location.origin
  return {
    baseUrl,
    store: data.kedaiStore ?? 'default',
    mode,
    locale: data.kedaiLocale,
    target: data.kedaiTarget,
    locationCode: data.kedaiLocation,
    locationName: data.kedaiLocationName,
    cartUrl:
      mode === 'kiosk' ? undefined : (data.kedaiCartUrl ?? (sameOrigin ? '/cart' : undefined)),
  }
}

/** Mounts a widget with `settings`; resolves once it is shown (or refused by the server). */
export async function mountWidget(settings: WidgetSettings): Promise<void> {
  const host = document.createElement('div')
  host.id = `kedai-widget-${settings.store}`
  host.setAttribute('data-kedai-widget', settings.store)
  const container =
    settings.target === undefined ? document.body : document.querySelector(settings.target)
  ;(container ?? document.body).appendChild(host)
  if (settings.mode !== 'floating') host.style.cssText = 'display:block;width:100%;height:100%'
  const shadow = host.attachShadow({ mode: 'open' })

  const store = createStoreClient(settings.baseUrl)
  let configuration: StoreConfiguration
  try {
    configuration = await store.fetchConfiguration()
  } catch (error) {
    host.setAttribute('data-kedai-state', 'refused')
    console.warn(
      `Kedai widget: ${settings.baseUrl} did not give this page (${location.origin}) the store configuration. ` +
        'If this site should show the chat, add its origin to ALLOWED_ORIGINS on the Kedai server.',
      error,
    )
    return
  }

  const storageKey = `kedai:${settings.store}`
  const locale: SupportedLocale = detectLocale({
    chosen: settings.locale ?? readStored(globalThis.localStorage, localeKey),
    pageLanguage: document.documentElement.lang,
    browserLanguages: navigator.languages,
    fallback: configuration.defaultLocale,
  })
  let currentLocale = locale
  const sharesCart = settings.mode !== 'kiosk' && settings.baseUrl === location.origin
  const session = new ChatSession({
    baseUrl: settings.baseUrl,
    storageKey,
    locale: () => currentLocale,
    context: () => ({
      ...(sharesCart ? { cartToken: readCartToken() } : {}),
      ...(settings.locationCode === undefined ? {} : { locationCode: settings.locationCode }),
    }),
    onReplies: () => announceCartUpdate({ source: 'widget' }),
    // On the store's own pages the chat works on the page's cart: open it before the first message.
    ...(sharesCart
      ? {
          prepare: () =>
            store
              .ensureCart(currentLocale)
              .then(() => undefined)
              .catch(() => undefined),
        }
      : {}),
  })
  const openKey = `${storageKey}:open`

  const style = document.createElement('style')
  style.textContent = widgetStyles
  shadow.appendChild(style)
  const mount = document.createElement('div')
  if (settings.mode !== 'floating') mount.style.height = '100%'
  shadow.appendChild(mount)
  host.setAttribute('data-kedai-state', 'ready')

  render(
    h(ChatWidget, {
      session,
      store,
      configuration,
      mode: settings.mode,
      initialLocale: locale,
      initiallyOpen: readStored(globalThis.sessionStorage, openKey) === 'true',
      ...(settings.locationName === undefined ? {} : { subtitle: settings.locationName }),
      ...(settings.cartUrl === undefined ? {} : { cartUrl: settings.cartUrl }),
      onLocaleChange: (next, announce) => {
        currentLocale = next
        writeStored(globalThis.localStorage, localeKey, next)
        if (announce) window.dispatchEvent(new CustomEvent(localeChangedEvent, { detail: next }))
      },
      onOpenChange: (open) => writeStored(globalThis.sessionStorage, openKey, String(open)),
      ...(settings.mode === 'kiosk'
        ? {
            onNewShopper: () => {
              session.stop()
              for (const key of Object.keys(localStorage))
                if (key.startsWith(`${storageKey}:`)) localStorage.removeItem(key)
              location.reload()
            },
          }
        : {}),
    }),
    mount,
  )
  if (settings.mode !== 'floating' || session.hasStoredConversation()) void session.start()
}

const script = findScript()
if (script !== undefined) {
  const settings = readSettings(script)
  const start = () => void mountWidget(settings)
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start)
  else start()
}
