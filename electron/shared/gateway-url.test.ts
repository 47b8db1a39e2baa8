import { describe, expect, it } from 'vitest'
import { gatewayUrlProblem } from './gateway-url'

describe('gateway URL rule', () => {
  it('live: https anywhere, http only on loopback', () => {
    expect(gatewayUrlProblem('https://pay.example.cn', 'live')).toBeNull()
    expect(gatewayUrlProblem('http://pay.example.cn', 'live')).toBe('https-required')
    expect(gatewayUrlProblem('http://10.0.0.5:8080', 'live')).toBe('https-required')
    expect(gatewayUrlProblem('http://127.0.0.1:5000', 'live')).toBeNull()
    expect(gatewayUrlProblem('http://127.8.0.1', 'live')).toBeNull()
    expect(gatewayUrlProblem('http://localhost:1234', 'live')).toBeNull()
    expect(gatewayUrlProblem('http://[::1]:1234', 'live')).toBeNull()
    // A name that only starts like loopback is not loopback.
    expect(gatewayUrlProblem('http://127.0.0.1.example.cn', 'live')).toBe('https-required')
    expect(gatewayUrlProblem('http://localhost.example.cn', 'live')).toBe('https-required')
  })

  it('demo: http accepted; anything else is invalid in both modes', () => {
    expect(gatewayUrlProblem('http://pay.example.cn', 'demo')).toBeNull()
    expect(gatewayUrlProblem('ftp://pay.example.cn', 'demo')).toBe('invalid')
    expect(gatewayUrlProblem('pay.example.cn', 'live')).toBe('invalid')
    expect(gatewayUrlProblem('', 'live')).toBe('invalid')
  })
})
