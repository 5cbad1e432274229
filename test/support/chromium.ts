import { execFileSync } from 'node:child_process';

/** Debian's chromium (or CHROMIUM_PATH, or another the machine has) as an absolute path; null when there is none. */
export function findChromium(): string | null {
  for (const name of [process.env.CHROMIUM_PATH, 'chromium', 'chromium-browser', 'google-chrome']) {
    if (!name) continue;
    try {
      return execFileSync('sh', ['-c', `command -v "${name}"`], { stdio: 'pipe', encoding: 'utf8' }).trim() || null;
    } catch {
      // not on this machine
    }
  }
  return null;
}

/**
 * Flags for headless Chromium on a closed network: no background connections (they fail by the
 * dozen and slow start-up), no sandbox (CI runs as root), no GPU.
 */
export const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-default-apps', '--disable-extensions',
];
