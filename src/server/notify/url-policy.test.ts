import { describe, expect, it } from 'vitest';
import { checkWebhookUrl, isPrivateAddress } from './url-policy.ts';

const strict = { allowPrivate: false };
const open = { allowPrivate: true };

describe('webhook URL policy', () => {
  it('accepts public http and https URLs', () => {
    expect(checkWebhookUrl('https://hooks.example.org/lantern?x=1', strict)).toBeNull();
    expect(checkWebhookUrl('http://93.184.216.34:8080/in', strict)).toBeNull();
    expect(checkWebhookUrl('https://[2606:4700::1111]/in', strict)).toBeNull();
  });

  it('refuses other schemes, credentials, fragments and non-URLs, even when private is allowed', () => {
    expect(checkWebhookUrl('ftp://example.org/', open)).toBe('scheme');
    expect(checkWebhookUrl('file:///etc/passwd', open)).toBe('scheme');
    expect(checkWebhookUrl('https://u:p@example.org/', open)).toBe('credentials');
    expect(checkWebhookUrl('https://u@example.org/', open)).toBe('credentials');
    expect(checkWebhookUrl('https://example.org/#x', open)).toBe('fragment');
    expect(checkWebhookUrl('example.org/hook', open)).toBe('invalid');
  });

  it('refuses loopback, private, link-local and localhost names unless allowed', () => {
    for (const url of [
      'http://127.0.0.1/',
      'http://127.1.2.3:5432/',
      'http://localhost:8080/',
      'http://api.localhost/',
      'http://10.0.0.1/',
      'http://172.16.5.4/',
      'http://192.168.1.1/',
      'http://169.254.169.254/latest',
      'http://100.64.0.1/',
      'http://0.0.0.0/',
      'http://[::1]/',
      'http://[fd00::1]/',
      'http://[fe80::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://[::ffff:7f00:1]/',
      'http://2130706433/', // 127.0.0.1 as one number: URL parsing normalises it
    ]) {
      expect(checkWebhookUrl(url, strict), url).toBe('private_address');
      expect(checkWebhookUrl(url, open), url).toBeNull();
    }
  });

  it('classifies addresses', () => {
    expect(isPrivateAddress('8.8.8.8')).toBe(false);
    expect(isPrivateAddress('172.32.0.1')).toBe(false);
    expect(isPrivateAddress('172.31.255.255')).toBe(true);
    expect(isPrivateAddress('2001:4860:4860::8888')).toBe(false);
    expect(isPrivateAddress('64:ff9b::a00:1')).toBe(true); // NAT64 of 10.0.0.1
    expect(isPrivateAddress('not-an-ip')).toBe(true);
  });
});
