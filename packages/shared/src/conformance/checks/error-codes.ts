import type { CheckResult } from '../types';
import { excerpt, fail, runCheck, type CheckContext } from './context';

/** The codes the contract allows in `extensions.code` (ARCHITECTURE.md, "The external contract"). */
export const CONTRACT_ERROR_CODES = ['UNAUTHENTICATED', 'FORBIDDEN', 'ISA_DENIED', 'AGENCY_UNAVAILABLE', 'BAD_USER_INPUT'] as const;

/** Check 6: every error the agency sent during the run carries one of the contract's codes. */
export async function errorCodeChecks(context: CheckContext): Promise<CheckResult[]> {
  return [
    await runCheck('error-codes', "every error carries one of the contract's codes", async () => {
      const counts = new Map<string, number>();
      const strays: string[] = [];
      for (const error of context.client.errors) {
        const code = error.extensions?.code;
        const name = typeof code === 'string' ? code : 'no code';
        counts.set(name, (counts.get(name) ?? 0) + 1);
        if (!(CONTRACT_ERROR_CODES as readonly unknown[]).includes(code)) strays.push(`${name}: "${excerpt(String(error.message), 80)}"`);
      }
      if (strays.length > 0) fail(`${strays.length} error(s) outside the contract, e.g. ${strays.slice(0, 3).join('; ')}`);
      return `${context.client.errors.length} errors seen: ${[...counts].map(([code, n]) => `${code} x${n}`).join(', ') || 'none'}`;
    }),
  ];
}
