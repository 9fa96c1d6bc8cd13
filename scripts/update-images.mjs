// `npm run images`: the walkthrough's pictures (media/walkthrough/*.webp) and the
// README's (docs/images/*.png), taken again from the real UI by the e2e spec
// test/e2e/walkthrough-images.e2e.ts and written where they are committed.
process.env.PATENT_LOOKUP_UPDATE_IMAGES = '1';
process.env.PATENT_LOOKUP_TEST_GREP ??= 'Images for the walkthrough and the README';
await import('./run-e2e.mjs');
