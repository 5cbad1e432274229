import { GraphQLError } from 'graphql';
import type { Logger } from '@mash/shared';
import { formatGatewayError } from '../format-error';

function logger(): Logger & { lines: unknown[] } {
  const lines: unknown[] = [];
  const write = (event: string, fields?: unknown) => void lines.push({ event, fields });
  return { lines, info: write, warn: write, error: write };
}

describe('formatGatewayError', () => {
  const failure = Object.assign(new Error('cannot store Zebedee'), { name: 'QueryFailedError', code: 'P0001' });
  const unexpected = { message: 'cannot store Zebedee', path: ['receiveReferral'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } };

  it('in production, answers an unexpected error with a fixed message and logs its name, not its message', () => {
    const log = logger();
    const formatted = formatGatewayError({ production: true, logger: log })(unexpected, new GraphQLError('x', { originalError: failure }));
    expect(formatted).toEqual({ message: expect.stringMatching(/^Something went wrong on our side/), path: ['receiveReferral'], locations: undefined, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(log.lines)).not.toContain('Zebedee');
    expect(log.lines).toEqual([{ event: 'unexpected_error', fields: { error: 'QueryFailedError', code: 'INTERNAL_SERVER_ERROR', sqlState: 'P0001' } }]);
  });

  it('keeps the message in development, without a stack trace', () => {
    const formatted = formatGatewayError({ production: false, logger: logger() })(unexpected, failure);
    expect(formatted).toEqual({ message: 'cannot store Zebedee', path: ['receiveReferral'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('passes client errors through, and gives a limit refusal back its BAD_USER_INPUT code', () => {
    const format = formatGatewayError({ production: true, logger: logger() });
    const denied = { message: 'No (rule x).', extensions: { code: 'ISA_DENIED', rule: 'x' } };
    expect(format(denied, null)).toEqual(denied);
    expect(format({ message: 'Request refused: ...', extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxAliases' } }, null).extensions)
      .toEqual({ code: 'BAD_USER_INPUT', limit: 'maxAliases' });
  });
});
