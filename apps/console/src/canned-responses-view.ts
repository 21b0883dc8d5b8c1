import { h, type ComponentChild } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { consoleApi, type CannedResponse } from './console-api.ts'

const languages = ['en', 'ms', 'zh-Hant', 'zh-Hans'] as const

/**
 * Admins write canned responses with `{{customer.firstName}}`, `{{customer.name}}`,
 * `{{order.number}}` and `{{agent.name}}`, in each language (English required).
 */
export function CannedResponsesView(): ComponentChild {
  const [entries, setEntries] = useState<CannedResponse[]>([])
  const [draft, setDraft] = useState<{ shortcut: string; title: string } & Record<string, string>>({
    shortcut: '',
    title: '',
    en: '',
    ms: '',
    'zh-Hant': '',
    'zh-Hans': '',
  })
  const [message, setMessage] = useState('')
  const load = async () => setEntries((await consoleApi.cannedResponses()).cannedResponses)
  useEffect(() => {
    void load()
  }, [])
  const save = async (event: Event) => {
    event.preventDefault()
    setMessage('')
    const body: Record<string, string> = {}
    for (const language of languages) {
      const text = draft[language]?.trim() ?? ''
      if (text !== '') body[language] = text
    }
    try {
      await consoleApi.saveCanned(draft.shortcut, draft.title, body)
      setMessage(`Saved ${draft.shortcut}`)
      await load()
    } catch (failure) {
      setMessage(failure instanceof Error ? failure.message : 'Failed')
    }
  }
  const field = (name: string, label: string, multiline = false) =>
    h(
      'label',
      { class: 'row' },
      h('span', { style: 'min-width: 80px' }, label),
      h(multiline ? 'textarea' : 'input', {
        value: draft[name] ?? '',
        rows: multiline ? 2 : undefined,
        style: 'flex: 1',
        onInput: (event: Event) =>
          setDraft({ ...draft, [name]: (event.target as HTMLInputElement).value }),
      }),
    )
  return h(
    'section',
    null,
    h('h2', null, 'Canned responses'),
    h(
      'table',
      null,
      entries.map((entry) =>
        h(
          'tr',
          {
            key: entry.id,
            onClick: () =>
              setDraft({
                shortcut: entry.shortcut,
                title: entry.title,
                en: entry.body.en ?? '',
                ms: entry.body.ms ?? '',
                'zh-Hant': entry.body['zh-Hant'] ?? '',
                'zh-Hans': entry.body['zh-Hans'] ?? '',
              }),
          },
          h('td', null, entry.shortcut),
          h('td', null, entry.title),
          h('td', null, entry.body.en),
        ),
      ),
    ),
    h(
      'form',
      { onSubmit: save, class: 'composer' },
      h('h3', null, 'Create or edit'),
      field('shortcut', 'Shortcut'),
      field('title', 'Title'),
      languages.map((language) => field(language, language, true)),
      h('button', { class: 'primary', type: 'submit' }, 'Save'),
      message === '' ? null : h('p', { role: 'status' }, message),
    ),
  )
}
