import { Random } from '../../../src/sandbox/random';

/** The sandbox's seeded PRNG as a function, so every run of a bench works on the same text. */
export function rng(seed: number): () => number {
  const random = new Random(seed);
  return () => random.next();
}
