// @asyncapi/generator 2.x ships no type declarations; this declares the part of its library API that
// render-asyncapi-template.mjs uses.
declare module '@asyncapi/generator' {
  export default class Generator {
    constructor(
      templateDir: string,
      targetDir: string,
      options?: { forceWrite?: boolean; templateParams?: Record<string, string> },
    );
    generateFromString(asyncapiText: string): Promise<unknown>;
  }
}
