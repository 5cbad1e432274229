import { adapter } from '@mash/social-care';
import { expectConformant, runThrowaway } from './support';

test('social-care: a throw-away deployment of the real entry point passes every conformance check', async () => {
  expectConformant(await runThrowaway(adapter));
});
