/**
 * The signed-in user's session: the bearer token the gateway verifies, kept in this tab's
 * sessionStorage only (gone when the tab closes; never in a cookie, so no cross-site request can
 * use it). The claims read here only shape the screens; the gateway decides every access itself.
 */
const KEY = 'mash.session';
const listeners = new Set<() => void>();

export type HubRole = 'mash-triage' | 'mash-manager' | 'governance' | 'agency-admin';

export interface SessionUser {
  id: string;
  name: string | null;
  roles: HubRole[];
  organisation: string | null;
  /** Seconds since the epoch when the token stops being accepted. */
  expiresAt: number | null;
}

function readClaims(token: string): Record<string, unknown> | null {
  try {
    const part = token.split('.')[1];
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '='));
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0))));
  } catch {
    return null;
  }
}

function stored(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

function notify(): void {
  for (const listener of listeners) listener();
}

export const session = {
  /** The token, or null when signed out or expired. */
  token(): string | null {
    const token = stored();
    if (!token) return null;
    const exp = readClaims(token)?.exp;
    if (typeof exp === 'number' && exp * 1000 <= Date.now()) {
      sessionStorage.removeItem(KEY);
      return null;
    }
    return token;
  },
  user(): SessionUser | null {
    const token = this.token();
    const claims = token ? readClaims(token) : null;
    if (!claims || typeof claims.sub !== 'string') return null;
    const raw = claims.roles;
    const roles = (Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[ ,]+/) : []).filter((role): role is HubRole =>
      ['mash-triage', 'mash-manager', 'governance', 'agency-admin'].includes(role as string),
    );
    return {
      id: claims.sub,
      name: typeof claims.name === 'string' ? claims.name : null,
      roles,
      organisation: typeof claims.org === 'string' ? claims.org : null,
      expiresAt: typeof claims.exp === 'number' ? claims.exp : null,
    };
  },
  start(token: string): void {
    sessionStorage.setItem(KEY, token);
    notify();
  },
  /** The gateway refused the token (expired, revoked): forget it and sign in again. */
  expired(): void {
    sessionStorage.removeItem(KEY);
    sessionStorage.setItem('mash.expired', '1');
    notify();
  },
  end(): void {
    sessionStorage.removeItem(KEY);
    notify();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /**
   * Demo mode's sign-in (`/app/dev-login`) answers with the token in the address's fragment, which
   * never reaches a server or a log: take it and wipe it from the address bar and history.
   */
  takeFromFragment(): void {
    const match = /(?:^#|&)access_token=([^&]+)/.exec(window.location.hash);
    if (!match) return;
    this.start(decodeURIComponent(match[1]));
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
  },
};

export function hasRole(user: SessionUser | null, ...roles: HubRole[]): boolean {
  return Boolean(user && user.roles.some((role) => roles.includes(role)));
}
