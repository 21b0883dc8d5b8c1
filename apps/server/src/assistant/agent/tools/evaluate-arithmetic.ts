import { fail, succeed, type Result } from '../../../shared/result.ts'
import { formatPythonFloat, roundLikePython } from '../tau2/python-json.ts'

/**
 * Evaluates an arithmetic expression of numbers, + - * /, parentheses and spaces the way τ²'s
 * `calculate` does (`str(round(float(eval(expression)), 2))`) without `eval`: returns the printed
 * result or the error text.
 */
export function evaluateArithmetic(expression: string): Result<string, string> {
  if (![...expression].every((character) => '0123456789+-*/(). '.includes(character))) {
    return fail('Invalid characters in expression')
  }
  const tokens = expression.match(/\d+\.?\d*|\.\d+|[-+*/()]|\S/g) ?? []
  let index = 0
  const peek = () => tokens[index]
  const take = () => tokens[index++]

  function parseExpression(): number {
    let value = parseTerm()
    while (peek() === '+' || peek() === '-')
      value = take() === '+' ? value + parseTerm() : value - parseTerm()
    return value
  }
  function parseTerm(): number {
    let value = parseFactor()
    while (peek() === '*' || peek() === '/') {
      const operator = take()
      const right = parseFactor()
      if (operator === '/' && right === 0) throw new RangeError('division by zero')
      value = operator === '*' ? value * right : value / right
    }
    return value
  }
  function parseFactor(): number {
    const token = take()
    if (token === '+') return parseFactor()
    if (token === '-') return -parseFactor()
    if (token === '(') {
      const value = parseExpression()
      if (take() !== ')') throw new SyntaxError('invalid syntax')
      return value
    }
    if (token !== undefined && /^(\d+\.?\d*|\.\d+)$/.test(token)) return Number(token)
    throw new SyntaxError('invalid syntax')
  }

  try {
    const value = parseExpression()
    if (index !== tokens.length) return fail('invalid syntax')
    return succeed(formatPythonFloat(roundLikePython(value, 2)))
  } catch (error) {
    return fail(error instanceof Error ? error.message : 'invalid syntax')
  }
}
