import { describe, expect, it } from 'vitest';
import { hostIsAllowed } from '../../src/http/request-target.js';

/** The Host rule for listen addresses a loopback test server cannot take (wildcard, LAN, port 80). */
describe('Host rule', () => {
  it('accepts the address a connection arrived at on a wildcard listener, and nothing named', () => {
    const lan = { address: '192.168.1.5', port: 4000 };
    expect(hostIsAllowed('192.168.1.5:4000', lan, '0.0.0.0')).toBe(true);
    expect(hostIsAllowed('192.168.1.6:4000', lan, '0.0.0.0')).toBe(false);
    expect(hostIsAllowed('attacker.example:4000', lan, '0.0.0.0')).toBe(false);
    expect(hostIsAllowed('192.168.1.5:4001', lan, '0.0.0.0')).toBe(false);
  });

  it('reads an IPv4 client on a dual-stack socket as its IPv4 address, and brackets IPv6', () => {
    expect(hostIsAllowed('10.0.0.2:4000', { address: '::ffff:10.0.0.2', port: 4000 }, '::')).toBe(true);
    expect(hostIsAllowed('[fd00::7]:4000', { address: 'fd00::7', port: 4000 }, '::')).toBe(true);
    expect(hostIsAllowed('fd00::7:4000', { address: 'fd00::7', port: 4000 }, '::')).toBe(false);
  });

  it('accepts the configured host name, and a Host without port only on port 80', () => {
    expect(hostIsAllowed('MyHost.lan:4000', { address: '10.0.0.9', port: 4000 }, 'myhost.lan')).toBe(true);
    expect(hostIsAllowed('localhost', { address: '127.0.0.1', port: 80 }, '127.0.0.1')).toBe(true);
    expect(hostIsAllowed('localhost', { address: '127.0.0.1', port: 4000 }, '127.0.0.1')).toBe(false);
    expect(hostIsAllowed(undefined, { address: '127.0.0.1', port: 4000 }, '127.0.0.1')).toBe(false);
  });
});
