import { h, type ComponentChild } from 'preact'
import { useState } from 'preact/hooks'
import { consoleApi, type Member } from './console-api.ts'

/** E-mail and password sign-in. */
export function SignInForm(props: { onSignedIn: (member: Member) => void }): ComponentChild {
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState('')
  const submit = async (event: Event) => {
    event.preventDefault()
    setError('')
    try {
      const { member } = await consoleApi.signIn(email, password)
      props.onSignedIn(member)
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Sign-in failed')
    }
  }
  return h(
    'form',
    { class: 'signin', onSubmit: submit },
    h('h2', null, 'Kedai console'),
    h('input', {
      type: 'email',
      name: 'email',
      placeholder: 'E-mail',
      autocomplete: 'username',
      value: email,
      onInput: (event: Event) => setEmail((event.target as HTMLInputElement).value),
    }),
    h('input', {
      type: 'password',
      name: 'password',
      placeholder: 'Password',
      autocomplete: 'current-password',
      value: password,
      onInput: (event: Event) => setPassword((event.target as HTMLInputElement).value),
    }),
    h('button', { class: 'primary', type: 'submit' }, 'Sign in'),
    error === '' ? null : h('p', { class: 'error', role: 'alert' }, error),
  )
}
