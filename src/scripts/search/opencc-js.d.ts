/**
 * Types for the two OpenCC dictionary groups the search imports by path (opencc-js ships
 * types for its entry points only): Taiwan standard → OpenCC standard (`from/tw`) and back
 * (`to/tw`), each a list of dictionary groups for `ConverterFactory`.
 */
declare module 'opencc-js/from/tw' {
  import type { DictGroup } from 'opencc-js/core'
  const groups: readonly DictGroup[]
  export default groups
}
declare module 'opencc-js/to/tw' {
  import type { DictGroup } from 'opencc-js/core'
  const groups: readonly DictGroup[]
  export default groups
}
