import { adapter } from '@mash/education';
import { expectConformant, runThrowaway } from './support';

test('education: a throw-away deployment of the real entry point passes every conformance check', async () => {
  expectConformant(await runThrowaway(adapter));
});
