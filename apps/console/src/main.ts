import { h, render } from 'preact'
import { ConsoleApp } from './console-app.ts'
import { consoleStyles } from './console-styles.ts'

const style = document.createElement('style')
style.textContent = consoleStyles
document.head.append(style)
const root = document.getElementById('console')
if (root !== null) render(h(ConsoleApp, null), root)
