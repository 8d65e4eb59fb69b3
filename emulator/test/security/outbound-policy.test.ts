import { describe, expect, it } from 'vitest';
import { addressRange, createOutboundPolicy, PrivateAddressError } from '../../src/net/outbound-policy.js';

/** The address table behind the remote-URL and webhook checks (the HTTP-level attacks are in ssrf.test.ts). */
describe('addressRange', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['10.0.0.1', 'private (RFC 1918)'],
    ['172.31.255.255', 'private (RFC 1918)'],
    ['192.168.0.10', 'private (RFC 1918)'],
    ['fc00::1', 'private (unique local)'],
    ['fdab:1234::9', 'private (unique local)'],
    ['169.254.0.1', 'link-local'],
    ['fe80::1', 'link-local'],
    ['169.254.169.254', 'cloud metadata'],
    ['fd00:ec2::254', 'cloud metadata'],
    ['::ffff:169.254.169.254', 'cloud metadata'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.254', 'carrier-grade NAT'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.251', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.1.1.1', 'private (RFC 1918)'],
    ['::127.0.0.1', 'loopback'], // IPv4-compatible (deprecated): judged as the IPv4 address it carries
    ['::7f00:1', 'non-global IPv6'], // the same address written in hex: outside 2000::/3
    ['64:ff9b::7f00:1', 'reserved (rfc6052)'], // NAT64 of 127.0.0.1
    ['fe80::1%eth0', 'link-local'],
    ['not an address', 'unparseable'],
  ])('%s is %s', (address, range) => {
    expect(addressRange(address)).toBe(range);
  });

  it.each(['93.184.216.34', '8.8.8.8', '100.128.0.1', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('%s is public', (address) => {
    expect(addressRange(address)).toBe('public');
  });
});

describe('createOutboundPolicy', () => {
  const dns = (answers: string[]) => () => Promise.resolve(answers.map((address) => ({ address, family: address.includes(':') ? (6 as const) : (4 as const) })));

  it('refuses a name when any answer is private, and returns the first answer otherwise', async () => {
    await expect(createOutboundPolicy({ resolveHost: dns(['8.8.8.8', '10.0.0.1']) }).resolve('a.example', 80)).rejects.toBeInstanceOf(PrivateAddressError);
    await expect(createOutboundPolicy({ resolveHost: dns(['8.8.8.8', '1.1.1.1']) }).resolve('a.example', 80)).resolves.toEqual({ address: '8.8.8.8', family: 4 });
  });

  it('judges address literals without asking DNS', async () => {
    const policy = createOutboundPolicy({ resolveHost: () => Promise.reject(new Error('DNS must not be asked')) });
    await expect(policy.resolve('127.0.0.1', 80)).rejects.toThrow('127.0.0.1 is a loopback address, which is refused');
    await expect(policy.resolve('8.8.4.4', 443)).resolves.toEqual({ address: '8.8.4.4', family: 4 });
  });

  it('exempts exactly the address and port it is told to, and allows everything when opted in', async () => {
    const policy = createOutboundPolicy({ isExempt: (address, port) => address === '127.0.0.1' && port === 8080 });
    await expect(policy.resolve('127.0.0.1', 8080)).resolves.toMatchObject({ address: '127.0.0.1' });
    await expect(policy.resolve('127.0.0.1', 8081)).rejects.toBeInstanceOf(PrivateAddressError);
    await expect(createOutboundPolicy({ allowPrivate: true }).resolve('169.254.169.254', 80)).resolves.toMatchObject({ address: '169.254.169.254' });
  });

  it('fails clearly when a name has no address', async () => {
    await expect(createOutboundPolicy({ resolveHost: dns([]) }).resolve('empty.example', 80)).rejects.toThrow('empty.example did not resolve to any address');
  });
});
