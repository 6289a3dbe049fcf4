import { describe, expect, it } from 'vitest'
import { anchorSwitchCss } from '../../src/layouts/language-switch'

describe('language switch CSS (no JavaScript)', () => {
  it('hides the page link and shows the section link while that section is the target', () => {
    const css = anchorSwitchCss(['background', '4g-penetration'])
    expect(css).toBe(
      'html:has([id="background"]:target),html:has([id="4g-penetration"]:target){--ls-page:none}' +
        'html:has([id="background"]:target) [data-lang-switch="background"],' +
        'html:has([id="4g-penetration"]:target) [data-lang-switch="4g-penetration"]{display:flex}',
    )
  })
  it('emits nothing for a page without sections', () => {
    expect(anchorSwitchCss([])).toBe('')
  })
  it('refuses an id that is not a slug (it would break out of the selector)', () => {
    expect(() => anchorSwitchCss(['x"]{}*{display:none'])).toThrow(/not a slug/)
  })
})
