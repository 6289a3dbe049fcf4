/**
 * The fonts of the pictures the build renders (src/open-data/png.ts): npm packages, never the
 * machine's fonts, so a PNG is the same wherever it is built. Their family names are named
 * first in the standalone SVGs' font lists (standalone-svg.ts), which browsers read as well.
 */

/** The family names inside the npm fonts. */
export const FONT_FAMILY = { latin: 'Noto Sans', chinese: 'Noto Sans TC' } as const

/** The npm packages that ship them (TrueType: resvg reads TTF/OTF, not WOFF). */
export const FONT_PACKAGES = ['@expo-google-fonts/noto-sans', '@expo-google-fonts/noto-sans-tc'] as const

/** The font files used, inside their packages: regular and bold of each. */
export const FONT_PACKAGE_FILES = [
  '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  '@expo-google-fonts/noto-sans-tc/400Regular/NotoSansTC_400Regular.ttf',
  '@expo-google-fonts/noto-sans-tc/700Bold/NotoSansTC_700Bold.ttf',
] as const
