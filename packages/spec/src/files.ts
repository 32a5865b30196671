import { specInfo } from './generated/spec-info.gen.js';

/** A raw file of the package, loadable as the subpath `@ascendex-toolkit/spec/<name>`. */
export type SpecFileName = keyof typeof specInfo.sha256;

/** Every raw file of the package (the subpath exports besides `./node` and `./package.json`). */
export const specFileNames = Object.keys(specInfo.sha256) as SpecFileName[];
