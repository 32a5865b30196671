// What test/global-setup.mjs provides to the test files.
declare module 'vitest' {
  export interface ProvidedContext {
    /** package name -> path of its packed tarball */
    tarballs: Record<string, string>;
  }
}
export {};
