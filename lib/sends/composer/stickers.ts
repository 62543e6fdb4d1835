// LINE's stickers that any official account may send (LINE's "List of available stickers"): package
// id → the range of sticker ids it holds. Shown by id: the console loads no images from LINE.
export const STICKER_PACKAGES: ReadonlyArray<{ packageId: string; first: number; last: number }> = [
  { packageId: "446", first: 1988, last: 2027 },
  { packageId: "789", first: 10855, last: 10894 },
  { packageId: "1070", first: 17839, last: 17878 },
  { packageId: "6136", first: 10551376, last: 10551399 },
  { packageId: "6325", first: 10979904, last: 10979927 },
  { packageId: "6359", first: 11069848, last: 11069871 },
  { packageId: "6362", first: 11087920, last: 11087943 },
  { packageId: "6370", first: 11088016, last: 11088039 },
  { packageId: "8515", first: 16581242, last: 16581265 },
  { packageId: "8522", first: 16581266, last: 16581289 },
  { packageId: "8525", first: 16581290, last: 16581313 },
  { packageId: "11537", first: 52002734, last: 52002773 },
  { packageId: "11538", first: 51626494, last: 51626533 },
  { packageId: "11539", first: 52114110, last: 52114149 },
];

export function stickerIds(packageId: string): string[] {
  const p = STICKER_PACKAGES.find((x) => x.packageId === packageId);
  if (!p) return [];
  return Array.from({ length: p.last - p.first + 1 }, (_, i) => String(p.first + i));
}

// LINE emoji products used in LINE's own examples; any product and emoji id can be typed as well.
export const EMOJI_PRODUCTS = ["5ac1bfd5040ab15980c9b435", "5ac21a8c040ab15980c9b43f", "5ac2213e040ab15980c9b447"] as const;
