import { adapter } from '@mash/health';
import { expectConformant, runThrowaway } from './support';

test('health: a throw-away deployment of the real entry point passes every conformance check', async () => {
  expectConformant(await runThrowaway(adapter));
});
