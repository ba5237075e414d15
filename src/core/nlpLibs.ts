// The NLP libraries, imported statically: only src/core/lazyLibs.ts may require this module (inside a
// function), so esbuild wraps it to run on first use and still bundles the packages' ES modules.
import compromise from 'compromise';
import { strict } from 'chrono-node';

export { compromise, strict as chronoStrict };
