import { adapter } from '@mash/police';
import { expectConformant, runThrowaway } from './support';

test('police: a throw-away deployment of the real entry point passes every conformance check', async () => {
  const report = await runThrowaway(adapter);
  expectConformant(report);
  expect(report).toMatchObject({ mode: 'throwaway', database: process.env.TEST_DATABASE_URL ? 'server' : 'embedded' });
});
