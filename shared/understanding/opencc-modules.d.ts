// The tree-shakable dictionary modules of opencc-js ship without type declarations.
declare module 'opencc-js/from/twp' {
  import type { DictGroup } from 'opencc-js/core';

  const dictGroups: readonly DictGroup[];
  export default dictGroups;
}
declare module 'opencc-js/from/hk' {
  import type { DictGroup } from 'opencc-js/core';

  const dictGroups: readonly DictGroup[];
  export default dictGroups;
}
declare module 'opencc-js/to/cn' {
  import type { DictGroup } from 'opencc-js/core';

  const dictGroups: readonly DictGroup[];
  export default dictGroups;
}
