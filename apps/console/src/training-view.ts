import { h, type ComponentChild } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { consoleApi, type Member, type TrainingCandidate } from './console-api.ts'

/** Messages the bot misunderstood before hand-overs: label them; admins approve or reject. */
export function TrainingView(props: { member: Member }): ComponentChild {
  const [status, setStatus] = useState('pending')
  const [candidates, setCandidates] = useState<TrainingCandidate[]>([])
  const [intents, setIntents] = useState<string[]>([])
  const [error, setError] = useState('')
  const load = async () => {
    try {
      const result = await consoleApi.training(status)
      setCandidates(result.candidates)
      setIntents(result.intents)
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Could not load')
    }
  }
  useEffect(() => {
    void load()
  }, [status])
  const act = async (action: () => Promise<unknown>) => {
    setError('')
    try {
      await action()
      await load()
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Failed')
    }
  }
  return h(
    'section',
    null,
    h('h2', null, 'Training examples from hand-overs'),
    h(
      'div',
      { class: 'filters' },
      h(
        'select',
        {
          'aria-label': 'Training status',
          value: status,
          onChange: (event: Event) => setStatus((event.target as HTMLSelectElement).value),
        },
        ['pending', 'labelled', 'approved', 'rejected', ''].map((value) =>
          h('option', { value }, value === '' ? 'all' : value),
        ),
      ),
    ),
    error === '' ? null : h('p', { class: 'error' }, error),
    h(
      'table',
      null,
      h(
        'tr',
        null,
        ['Message', 'Language', 'Bot understood', 'Right intent', ''].map((title) =>
          h('th', null, title),
        ),
      ),
      candidates.map((candidate) =>
        h(
          'tr',
          { key: candidate.id, 'data-candidate': candidate.id },
          h('td', null, candidate.text),
          h('td', null, candidate.locale),
          h(
            'td',
            null,
            `${candidate.predictedIntent ?? '—'} (${candidate.confidence?.toFixed(2) ?? '—'})`,
          ),
          h(
            'td',
            null,
            h(
              'select',
              {
                value: candidate.label ?? '',
                onChange: (event: Event) =>
                  act(() =>
                    consoleApi.label(candidate.id, (event.target as HTMLSelectElement).value),
                  ),
              },
              h('option', { value: '' }, 'choose…'),
              intents.map((intent) => h('option', { value: intent }, intent)),
            ),
          ),
          h(
            'td',
            null,
            props.member.role === 'admin' && candidate.status === 'labelled'
              ? h(
                  'div',
                  { class: 'row' },
                  h(
                    'button',
                    { onClick: () => act(() => consoleApi.review(candidate.id, 'approved')) },
                    'Approve',
                  ),
                  h(
                    'button',
                    { onClick: () => act(() => consoleApi.review(candidate.id, 'rejected')) },
                    'Reject',
                  ),
                )
              : candidate.status,
          ),
        ),
      ),
    ),
  )
}
