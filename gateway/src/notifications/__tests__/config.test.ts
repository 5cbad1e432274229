import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { notificationConfigFromEnv } from '../config';
import { endpointDirectory } from '../directory';
import { OnwardNotificationKind } from '../entities/enums';

describe('onward-notification configuration', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mash-endpoints-'));
  const file = (name: string, content: unknown) => {
    const at = path.join(dir, name);
    fs.writeFileSync(at, typeof content === 'string' ? content : JSON.stringify(content));
    return at;
  };
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('has documented defaults', () => {
    expect(notificationConfigFromEnv({}, { production: false })).toEqual({
      dispatch: true, intervalMs: 15_000, maxAttempts: 8, backoffMs: 30_000, maxBackoffMs: 3_600_000, timeoutMs: 10_000,
      endpoints: { schools: {}, gpPractices: {} }, defaultEndpoint: null,
    });
  });

  it('routes each recipient to its own endpoint, else the default, else nowhere', () => {
    const endpoints = file('ok.json', { schools: { '123456': 'https://oak.example/encompass' }, gpPractices: { M85001: 'https://castle.example/inbox' } });
    const config = notificationConfigFromEnv({ MASH_NOTIFICATION_ENDPOINTS_FILE: endpoints, MASH_NOTIFICATION_DEFAULT_ENDPOINT: 'http://127.0.0.1:9/inbox' }, { production: true });
    const directory = endpointDirectory(config.endpoints, config.defaultEndpoint);
    expect(directory(OnwardNotificationKind.OPERATION_ENCOMPASS, '123456')).toBe('https://oak.example/encompass');
    expect(directory(OnwardNotificationKind.GP_NOTIFICATION, 'M85001')).toBe('https://castle.example/inbox');
    expect(directory(OnwardNotificationKind.OPERATION_ENCOMPASS, 'M85001')).toBe('http://127.0.0.1:9/inbox');
    expect(endpointDirectory(config.endpoints, null)(OnwardNotificationKind.OPERATION_ENCOMPASS, '999999')).toBeNull();
  });

  it.each([
    ['a key that is not a URN', { schools: { '12345': 'https://a.example' } }, /not a school URN/],
    ['an unknown section', { colleges: {} }, /unknown keys colleges/],
    ['plain http to another machine in production', { schools: { '123456': 'http://oak.example' } }, /must be https/],
    ['something that is not a URL', { gpPractices: { M85001: 'oak' } }, /is not a URL/],
  ])('refuses an endpoints file with %s, naming the variable', (_label, content, message) => {
    expect(() => notificationConfigFromEnv({ MASH_NOTIFICATION_ENDPOINTS_FILE: file('bad.json', content) }, { production: true })).toThrow(message);
    expect(() => notificationConfigFromEnv({ MASH_NOTIFICATION_ENDPOINTS_FILE: file('bad.json', content) }, { production: true })).toThrow(/MASH_NOTIFICATION_ENDPOINTS_FILE/);
  });

  it('refuses a zero interval or attempts', () => {
    expect(() => notificationConfigFromEnv({ MASH_NOTIFICATION_MAX_ATTEMPTS: '0' }, { production: false })).toThrow(/MASH_NOTIFICATION_MAX_ATTEMPTS must be at least 1/);
    expect(() => notificationConfigFromEnv({ MASH_NOTIFICATION_INTERVAL_SECONDS: 'soon' }, { production: false })).toThrow(/MASH_NOTIFICATION_INTERVAL_SECONDS/);
  });
});
