import fc from 'fast-check';
import { STATES } from '../workflow/states.ts';
import type { FileFacts } from './figures.ts';

/** Any file the projection can hold, with times from `instant` (tests only: fast-check is a dev tool). */
export function fileFactsArbitrary(instant: fc.Arbitrary<Date>): fc.Arbitrary<FileFacts> {
  return fc
    .record({
      state: fc.constantFrom(...STATES),
      channel: fc.constantFrom(1 as const, 2 as const, 3 as const),
      receivedAt: fc.option(instant, { freq: 8 }),
      dueAt: fc.option(instant, { freq: 6 }),
      processedAt: fc.option(instant, { freq: 2 }),
      finishedAt: fc.option(instant, { freq: 2 }),
      returnedAt: fc.option(instant, { freq: 2 }),
      returnChannel: fc.constantFrom('counter' as const, 'post' as const, 'online' as const, null),
      updatedAt: instant,
      supplementRequests: fc.integer({ min: 0, max: 3 }),
      countsLate: fc.boolean(),
      documents: fc.integer({ min: 0, max: 3 }),
      documentsScanned: fc.integer({ min: 0, max: 3 }),
      documentsReused: fc.integer({ min: 0, max: 3 }),
      resultDigitized: fc.boolean(),
      disliked: fc.boolean(),
    })
    .map((f) => {
      const documentsScanned = Math.min(f.documentsScanned, f.documents);
      return { ...f, documentsScanned, documentsReused: Math.min(f.documentsReused, documentsScanned) };
    });
}
